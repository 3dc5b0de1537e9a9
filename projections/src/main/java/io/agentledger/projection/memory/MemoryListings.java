package io.agentledger.projection.memory;

import io.agentledger.kernel.memory.DocumentView;
import io.agentledger.kernel.memory.EntityView;
import io.agentledger.kernel.memory.EpisodeView;
import io.agentledger.kernel.memory.MemoryPage;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pages of the memory directory a caller may see: items of the levels they read ({@code readable}) and
 * whatever they uploaded themselves.
 */
@Repository
public class MemoryListings {

    private static final RowMapper<EpisodeView> EPISODE = (rs, i) -> new EpisodeView(rs.getString("id"),
            rs.getString("document_id"), rs.getString("type"), rs.getString("title"), rs.getString("summary"),
            Json.read(rs.getString("participants"), MemoryDirectoryRepository.STRINGS), rs.getString("sensitivity"),
            Sql.instant(rs, "occurred_at"), Sql.instant(rs, "created_at"));

    private static final RowMapper<EntityView> ENTITY = (rs, i) -> new EntityView(rs.getString("id"),
            rs.getString("type"), rs.getString("name"), rs.getLong("mentions") > 0, rs.getLong("mentions"),
            Sql.instant(rs, "first_seen_at"), Sql.instant(rs, "last_seen_at"));

    private final JdbcTemplate jdbc;

    public MemoryListings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Viewer(String tenantId, String userId, List<String> readable) {
    }

    public MemoryPage<DocumentView> documents(Viewer viewer, String app, String sensitivity, Boolean indexed,
                                              PageSpec page) {
        Filters filters = visible(viewer).and("app = ?", app).and("sensitivity = ?", sensitivity)
                .and("is_indexed = ?", indexed);
        return page(filters.page(jdbc, MemoryDirectoryRepository.DOCUMENTS, "created_at DESC, id DESC",
                MemoryDirectoryRepository.DOCUMENT, page), page);
    }

    public MemoryPage<EpisodeView> episodes(Viewer viewer, String type, List<String> participants, PageSpec page) {
        Filters filters = visible(viewer).and("type = ?", type);
        for (String participant : participants) {
            filters.and("participants @> ?::jsonb", Json.write(List.of(participant)));
        }
        return page(filters.page(jdbc, "memory_episode", "occurred_at DESC, id DESC", EPISODE, page), page);
    }

    /** Entities named by a document the viewer may see, or by none any more ({@code is_active} false). */
    public MemoryPage<EntityView> entities(Viewer viewer, String type, Boolean active, PageSpec page) {
        List<Object> args = new ArrayList<>(visibilityArgs(viewer));
        String mentions = "(SELECT count(*) FROM memory_entity_mention x WHERE x.entity_id = e.id AND "
                + visibility("x.") + ")";
        String table = "(SELECT e.*, " + mentions + " AS mentions, (SELECT count(*) FROM memory_entity_mention a "
                + "WHERE a.entity_id = e.id) AS all_mentions FROM memory_entity e) n";
        Filters filters = Filters.where("tenant_id = ?", viewer.tenantId())
                .andWith("(mentions > 0 OR all_mentions = 0)", List.of())
                .and("type = ?", type);
        if (active != null) {
            filters.andAlways(active ? "mentions > 0" : "all_mentions = 0");
        }
        return page(filters.page(jdbc, table, args, "last_seen_at DESC, id DESC", ENTITY, page), page);
    }

    private static Filters visible(Viewer viewer) {
        return Filters.where("tenant_id = ?", viewer.tenantId()).andWith(visibility(""), visibilityArgs(viewer));
    }

    private static String visibility(String alias) {
        return "(" + alias + "uploaded_by = ? OR " + alias + "sensitivity = ANY (string_to_array(?, ',')))";
    }

    private static List<Object> visibilityArgs(Viewer viewer) {
        return List.of(viewer.userId(), String.join(",", viewer.readable()));
    }

    private static <T> MemoryPage<T> page(Filters.Page<T> found, PageSpec page) {
        return new MemoryPage<>(found.items() == null ? Collections.emptyList() : found.items(), found.total(),
                page.page(), page.size(), page.pages(found.total()));
    }
}
