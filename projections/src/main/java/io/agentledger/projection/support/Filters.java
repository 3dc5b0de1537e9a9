package io.agentledger.projection.support;

import io.agentledger.kernel.page.PageSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause of the conditions whose value is given, and the page of rows it selects. */
public final class Filters {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    private Filters(String condition, Object value) {
        where.append(" WHERE ").append(condition);
        args.add(value);
    }

    public static Filters where(String condition, Object value) {
        return new Filters(condition, value);
    }

    /** Adds {@code condition} (with one {@code ?}) when {@code value} is not null. */
    public Filters and(String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** Adds {@code condition}, whose {@code ?}s take {@code values} in order. */
    public Filters andWith(String condition, List<?> values) {
        where.append(" AND ").append(condition);
        args.addAll(values);
        return this;
    }

    public Filters andAlways(String condition) {
        where.append(" AND ").append(condition);
        return this;
    }

    public <T> Page<T> page(JdbcTemplate jdbc, String table, String orderBy, RowMapper<T> rows, PageSpec page) {
        return page(jdbc, table, List.of(), orderBy, rows, page);
    }

    /** {@code table} may be a subquery whose own {@code ?}s take {@code tableArgs}. */
    public <T> Page<T> page(JdbcTemplate jdbc, String table, List<?> tableArgs, String orderBy, RowMapper<T> rows,
                            PageSpec page) {
        List<Object> countArgs = new ArrayList<>(tableArgs);
        countArgs.addAll(args);
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + where, Long.class, countArgs.toArray());
        List<Object> pageArgs = new ArrayList<>(countArgs);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<T> items = jdbc.query("SELECT * FROM " + table + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?",
                rows, pageArgs.toArray());
        return new Page<>(items, total == null ? 0 : total);
    }

    public record Page<T>(List<T> items, long total) {
    }
}
