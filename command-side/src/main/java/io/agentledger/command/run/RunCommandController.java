package io.agentledger.command.run;

import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.run.RunCommands.CancelRun;
import io.agentledger.kernel.run.RunCommands.PauseRun;
import io.agentledger.kernel.run.RunCommands.ResumeRun;
import io.agentledger.kernel.run.RunQueries.FindRun;
import io.agentledger.kernel.run.RunQueries.FindRunVersion;
import io.agentledger.kernel.run.RunView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pause, resume and cancel (DELETE) a run; each answers the run as it is afterwards. */
@RestController
@RequestMapping("/api/v1/runs")
@PreAuthorize("hasAuthority('write:runs')")
public class RunCommandController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;

    public RunCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
    }

    @PostMapping("/{runId}/pause")
    public RunView pause(@PathVariable String runId, @AuthenticationPrincipal Caller caller) {
        return answer(runId, commands.sendAndWait(new PauseRun(runId, caller.tenantId(), caller.userId())), caller);
    }

    @PostMapping("/{runId}/resume")
    public RunView resume(@PathVariable String runId, @AuthenticationPrincipal Caller caller) {
        return answer(runId, commands.sendAndWait(new ResumeRun(runId, caller.tenantId(), caller.userId())), caller);
    }

    @DeleteMapping("/{runId}")
    public RunView cancel(@PathVariable String runId, @AuthenticationPrincipal Caller caller) {
        return answer(runId, commands.sendAndWait(new CancelRun(runId, caller.tenantId(), caller.userId())), caller);
    }

    private RunView answer(String runId, long version, Caller caller) {
        readModel.awaitVersion(new FindRunVersion(runId), version);
        return queries.query(new FindRun(runId, caller.tenantId()), RunView.class).join();
    }
}
