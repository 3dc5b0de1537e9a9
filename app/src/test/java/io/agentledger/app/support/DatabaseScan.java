package io.agentledger.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Looks for a string anywhere in a database: the proof that a secret went nowhere. */
public final class DatabaseScan {

    private DatabaseScan() {
    }

    /** Every column of every table of the database, text and bytes alike. */
    public static List<String> tablesContaining(JdbcTemplate jdbc, String marker) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_schema, table_name, column_name, "
                + "data_type FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', "
                + "'information_schema') AND table_name IN (SELECT table_name FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE')");
        for (Map<String, Object> column : columns) {
            String table = column.get("table_schema") + ".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "strpos(" + name + "::text, ?) > 0";
            Long count = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + condition, Long.class,
                    marker);
            if (count != null && count > 0) {
                hits.add(table + "." + name);
            }
        }
        return hits;
    }
}
