package io.agentledger.query.run;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.run.RunPage;
import io.agentledger.kernel.run.RunQueries.FindRun;
import io.agentledger.kernel.run.RunQueries.ListRuns;
import io.agentledger.kernel.run.RunStatus;
import io.agentledger.kernel.run.RunView;
import io.agentledger.query.history.PastStates;
import io.agentledger.query.history.PointInTime;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/runs")
@PreAuthorize("hasAuthority('read:runs')")
public class RunQueryController {

    private final QueryGateway queries;
    private final RunQueryHandler runs;
    private final PastStates past;

    public RunQueryController(QueryGateway queries, RunQueryHandler runs, PastStates past) {
        this.queries = queries;
        this.runs = runs;
        this.past = past;
    }

    @GetMapping
    public RunPage list(@RequestParam(required = false) RunStatus status,
                        @RequestParam(name = "goal_id", required = false) String goalId,
                        @RequestParam(name = "created_by", required = false) String createdBy,
                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                        @AuthenticationPrincipal Caller caller) {
        return queries.query(new ListRuns(caller.tenantId(), status, blankToNull(goalId), blankToNull(createdBy),
                PageParams.of(page, size)), RunPage.class).join();
    }

    @GetMapping("/{runId}")
    public RunView get(@PathVariable String runId,
                       @RequestParam(name = "as_of", required = false)
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                       @RequestParam(required = false) Long version,
                       @AuthenticationPrincipal Caller caller) {
        PointInTime point = PointInTime.of(asOf, version);
        if (point != null) {
            return past.at(runId, point, () -> runs.handle(new FindRun(runId, caller.tenantId())))
                    .orElseThrow(() -> DomainException.notFound("Run " + runId + " " + point.absence()));
        }
        RunView run = queries.query(new FindRun(runId, caller.tenantId()), RunView.class).join();
        if (run == null) {
            throw DomainException.notFound("Run " + runId + " not found");
        }
        return run;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
