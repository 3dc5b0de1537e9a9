package io.agentledger.app.observe;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 000's {@code /metrics} figures and more: traffic of the last minute and the store's state are
 * process-wide; goals, runs and AI cost today (UTC) are the caller's tenant's.
 */
@Component
public class SystemPerformance {

    private final RequestStatistics requests;
    private final SystemFigures figures;

    public SystemPerformance(RequestStatistics requests, SystemFigures figures) {
        this.requests = requests;
        this.figures = figures;
    }

    public Map<String, Object> of(String tenantId) {
        Map<String, Object> answer = new LinkedHashMap<>(requests.lastMinute());
        answer.put("active_users", requests.activeUsers());
        answer.put("total_goals", figures.totalGoals(tenantId));
        answer.put("total_runs", figures.totalRuns(tenantId));
        answer.put("ai_cost_today", figures.aiCostToday(tenantId));
        answer.put("event_store", figures.eventStore());
        answer.put("projection_lag", figures.projectionLag());
        return answer;
    }
}
