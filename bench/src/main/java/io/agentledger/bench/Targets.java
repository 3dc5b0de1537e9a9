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
        for (Map<String, Object> row : report.ratios()) {
            if (row.get("ratio_to_jpa") == null) {
                continue;
            }
            boolean read = Report.READS.contains(row.get("operation"));
            double goal = read ? 0.7 : 0.5;
            double ratio = (double) row.get("ratio_to_jpa");
            targets.add(target(row.get("operation") + " at " + row.get("clients") + " clients / JPA reference",
                    "≥ " + goal, ratio, ratio >= goal));
        }
        for (LoadResult get : report.commands().getOrDefault("get_goal", List.of())) {
            if (!Double.isNaN(get.serviceCpuMillis())) {
                targets.add(target("service CPU per authenticated GET at " + get.clients() + " clients, ms", "< 0.5",
                        get.serviceCpuMillis(), get.serviceCpuMillis() < 0.5));
            }
        }
        for (String read : List.of("get_goal", "get_audit_entry", "rsocket_event")) {
            if (report.visibility().get(read) instanceof Map<?, ?> lag) {
                double p99 = ((Number) lag.get("p99_ms")).doubleValue();
                targets.add(target("visibility p99 (" + read + ") at half the maximum throughput, ms", "< 50", p99,
                        p99 < 50));
            }
        }
        if (report.replay().get("events_per_second") instanceof Number rate) {
            targets.add(target("replay of every projection, events/s", "≥ 30000", rate.doubleValue(),
                    rate.doubleValue() >= 30_000));
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
