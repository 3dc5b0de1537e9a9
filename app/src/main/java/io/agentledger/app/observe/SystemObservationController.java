package io.agentledger.app.observe;

import ch.qos.logback.classic.Level;
import io.agentledger.command.system.PlatformAdmins;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's system observation ({@code /api/v1/system/health}, {@code /performance},
 * {@code /architecture}, {@code /logs}) and seed 000's {@code /metrics}; for admins and auditors.
 * The logs are the whole process's, so only platform admins read them.
 */
@RestController
@PreAuthorize("hasAuthority('read:system')")
public class SystemObservationController {

    private static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
    private static final int MAX_LOGS = 1000;

    private final SystemHealth health;
    private final SystemPerformance performance;
    private final SystemArchitecture architecture;
    private final RecentLogs logs;
    private final PlatformAdmins platformAdmins;

    public SystemObservationController(SystemHealth health, SystemPerformance performance,
                                       SystemArchitecture architecture, RecentLogs logs,
                                       PlatformAdmins platformAdmins) {
        this.health = health;
        this.performance = performance;
        this.architecture = architecture;
        this.logs = logs;
        this.platformAdmins = platformAdmins;
    }

    @GetMapping("/api/v1/system/health")
    public Map<String, Object> health(@AuthenticationPrincipal Caller caller) {
        return health.of(caller.tenantId());
    }

    @GetMapping({"/api/v1/system/performance", "/metrics"})
    public Map<String, Object> performance(@AuthenticationPrincipal Caller caller) {
        return performance.of(caller.tenantId());
    }

    @GetMapping("/api/v1/system/architecture")
    public Map<String, Object> architecture() {
        return architecture.describe();
    }

    /** {@code level}: the least severe level shown (default INFO); newest first. */
    @GetMapping("/api/v1/system/logs")
    public Map<String, Object> logs(@RequestParam(required = false) String level,
                                    @RequestParam(required = false) Instant since,
                                    @RequestParam(required = false) Instant until,
                                    @RequestParam(required = false) String logger,
                                    @RequestParam(required = false) Integer limit,
                                    @AuthenticationPrincipal Caller caller) {
        String minimum = level == null ? "INFO" : level.trim().toUpperCase();
        if (!LEVELS.contains(minimum)) {
            throw DomainException.invalid("level must be one of " + String.join(", ", LEVELS));
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LOGS) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LOGS);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw DomainException.invalid("since must not be after until");
        }
        platformAdmins.require(caller);
        List<Map<String, Object>> entries = logs.find(Level.toLevel(minimum), since, until,
                logger == null || logger.isBlank() ? null : logger.trim(), size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", entries);
        answer.put("total", entries.size());
        answer.put("level", minimum);
        return answer;
    }
}
