package io.agentledger.app.observe;

import com.sun.management.OperatingSystemMXBean;
import io.agentledger.app.health.HealthController;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's {@code SystemHealth}. Unhealthy when the database is down; degraded when an event
 * processor is stopped or failing or an external service is offline. {@code agents} counts the
 * tenant's runs (each run is one agent at work): all, active (pending, running or paused), failed.
 * Resources are percentages of this process's CPU, its heap, and the disk holding the data directory;
 * {@code network_latency} is the database round trip in ms.
 */
@Component
public class SystemHealth {

    private final HealthController health;
    private final ExternalServices externalServices;
    private final SystemFigures figures;
    private final File dataDir;
    private final Clock clock;

    public SystemHealth(HealthController health, ExternalServices externalServices, SystemFigures figures,
                        @Value("${agentledger.data-dir}") String dataDir, Clock clock) {
        this.health = health;
        this.externalServices = externalServices;
        this.figures = figures;
        this.dataDir = new File(dataDir);
        this.clock = clock;
    }

    public Map<String, Object> of(String tenantId) {
        Map<String, Object> base = health.health(true);
        List<Map<String, Object>> services = new ArrayList<>();
        services.add(database(base));
        services.addAll(externalServices.check());
        String status = (String) base.get("status");
        if ("healthy".equals(status) && services.stream().anyMatch(s -> !"online".equals(s.get("status")))) {
            status = "degraded";
        }
        Map<String, Long> runs = figures.runsByStatus(tenantId);
        Map<String, Object> agents = new LinkedHashMap<>();
        agents.put("total", runs.values().stream().mapToLong(Long::longValue).sum());
        agents.put("active", runs.get("pending") + runs.get("running") + runs.get("paused"));
        agents.put("error", runs.get("failed"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("timestamp", clock.instant());
        answer.put("uptime", base.get("uptime_seconds"));
        answer.put("version", base.get("version"));
        answer.put("agents", agents);
        answer.put("resources", resources(services));
        answer.put("external_services", services);
        answer.put("components", base.get("components"));
        return answer;
    }

    /** PostgreSQL as the health check found it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> database(Map<String, Object> base) {
        Map<String, Object> database = (Map<String, Object>) ((Map<String, Object>) base.get("components"))
                .get("database");
        Object millis = database.get("response_time_ms");
        return ExternalServices.status("postgresql", "up".equals(database.get("status")) ? "online" : "offline",
                millis == null ? null : ((Number) millis).longValue(), clock.instant());
    }

    private Map<String, Object> resources(List<Map<String, Object>> services) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        File disk = dataDir.exists() ? dataDir : new File(".").getAbsoluteFile();
        Map<String, Object> resources = new LinkedHashMap<>();
        double cpu = os.getProcessCpuLoad();
        resources.put("cpu_usage", percent(Double.isNaN(cpu) || cpu < 0 ? 0 : cpu));
        resources.put("memory_usage", percent((double) heap.getUsed() / (heap.getMax() > 0 ? heap.getMax()
                : heap.getCommitted())));
        resources.put("disk_usage", disk.getTotalSpace() == 0 ? 0
                : percent(1 - (double) disk.getUsableSpace() / disk.getTotalSpace()));
        resources.put("network_latency", services.stream().filter(s -> "postgresql".equals(s.get("name")))
                .findFirst().map(s -> s.get("response_time")).orElse(null));
        return resources;
    }

    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
