package io.agentledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets for a 2-core machine, each with the measured figure and whether it was met. */
final class Targets {

    private Targets() {
    }

    static List<Map<String, Object>> evaluate(Report report) {
        List<Map<String, Object>> targets = new ArrayList<>();
        Map<String, Object> full = report.ratios().stream()
                .filter(row -> row.get("operation").equals("create_goal"))
                .reduce((first, second) -> second).orElse(null);
        if (full != null && full.get("ratio_to_raw_insert") != null) {
            double ratio = (double) full.get("ratio_to_raw_insert");
            targets.add(target("create goal throughput at " + full.get("clients") + " clients / raw insert",
                    "≥ 0.5", ratio, ratio >= 0.5));
        }
        for (String read : List.of("get_goal", "get_audit_entry", "rsocket_event")) {
            if (report.visibility().get(read) instanceof Map<?, ?> lag) {
                double p99 = ((Number) lag.get("p99_ms")).doubleValue();
                targets.add(target("visibility p99 (" + read + ") at half the maximum throughput, ms", "< 100", p99,
                        p99 < 100));
            }
        }
        if (report.replay().get("events_per_second") instanceof Number rate) {
            targets.add(target("replay of every projection, events/s", "≥ 20000", rate.doubleValue(),
                    rate.doubleValue() >= 20_000));
        }
        List<Map<String, Object>> growth = report.growth();
        if (growth.size() > 1) {
            double first = ((Number) growth.get(0).get("ops_per_second")).doubleValue();
            Map<String, Object> last = growth.get(growth.size() - 1);
            double ratio = first == 0 ? 0 : Math.round(((Number) last.get("ops_per_second")).doubleValue()
                    / first * 1000) / 1000.0;
            targets.add(target("append throughput at " + last.get("events_in_store") + " events / at "
                    + growth.get(0).get("events_in_store"), "≥ 0.9", ratio, ratio >= 0.9));
        }
        return targets;
    }

    private static Map<String, Object> target(String name, String goal, double measured, boolean met) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("target", name);
        target.put("goal", goal);
        target.put("measured", measured);
        target.put("met", met);
        return target;
    }
}
