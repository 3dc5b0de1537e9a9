package io.agentledger.command.goal;

import io.agentledger.command.system.SystemSettings;
import io.agentledger.command.web.IfMatch;
import io.agentledger.command.web.MessageResponse;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.GoalCommands.CreateGoal;
import io.agentledger.kernel.goal.GoalCommands.DeleteGoal;
import io.agentledger.kernel.goal.GoalCommands.StartGoal;
import io.agentledger.kernel.goal.GoalCommands.StartedGoal;
import io.agentledger.kernel.goal.GoalCommands.UpdateGoal;
import io.agentledger.kernel.goal.GoalQueries.FindGoal;
import io.agentledger.kernel.goal.GoalQueries.FindGoalVersion;
import io.agentledger.kernel.goal.GoalView;
import io.agentledger.kernel.goal.Priority;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.run.RunCommands;
import io.agentledger.kernel.run.RunCommands.CreateRun;
import io.agentledger.kernel.system.SettingsSchema;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/goals")
@PreAuthorize("hasAuthority('write:goals')")
public class GoalCommandController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SystemSettings settings;
    private final RunAdmission admission;

    public GoalCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                                 TransactionTemplate transaction, Clock clock, SystemSettings settings,
                                 RunAdmission admission) {
        this.settings = settings;
        this.admission = admission;
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<GoalView> create(@Valid @RequestBody CreateGoalRequest body,
                                           @AuthenticationPrincipal Caller caller) {
        String goalId = Ids.newId(IdPrefix.GOAL, clock);
        commands.sendAndWait(new CreateGoal(goalId, caller.tenantId(), caller.userId(), body.text(),
                body.autonomyLevel() != null ? body.autonomyLevel()
                        : AutonomyLevel.valueOf(settings.text(caller.tenantId(), SettingsSchema.DEFAULT_AUTONOMY_LEVEL)),
                body.constraints() == null ? Map.of() : body.constraints(),
                body.priority() == null ? Priority.MEDIUM : body.priority(), body.dueDate(), body.estimatedHours(),
                body.metadata() == null ? Map.of() : body.metadata()));
        return respond(HttpStatus.CREATED, goalId, 0, caller);
    }

    @PutMapping("/{goalId}")
    public ResponseEntity<GoalView> update(@PathVariable String goalId, @Valid @RequestBody UpdateGoalRequest body,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch,
                                           @AuthenticationPrincipal Caller caller) {
        Long expected = IfMatch.expectedVersion(ifMatch, body.expectedVersion());
        long version = commands.sendAndWait(
                new UpdateGoal(goalId, caller.tenantId(), caller.userId(), expected, body.changes()));
        return respond(HttpStatus.OK, goalId, version, caller);
    }

    @DeleteMapping("/{goalId}")
    public MessageResponse delete(@PathVariable String goalId,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @AuthenticationPrincipal Caller caller) {
        long version = commands.sendAndWait(new DeleteGoal(goalId, caller.tenantId(), caller.userId(),
                IfMatch.expectedVersion(ifMatch, null)));
        readModel.awaitVersion(new FindGoalVersion(goalId), version);
        return new MessageResponse("Goal deleted successfully");
    }

    @PostMapping("/{goalId}/start")
    public ResponseEntity<StartGoalResponse> start(@PathVariable String goalId,
                                                   @AuthenticationPrincipal Caller caller) {
        admission.check(caller.tenantId());
        String runId = Ids.newId(IdPrefix.RUN, clock);
        StartedGoal started = transaction.execute(status -> {
            StartedGoal goal = commands.sendAndWait(new StartGoal(goalId, caller.tenantId(), caller.userId(), runId));
            commands.sendAndWait(new CreateRun(runId, goalId, caller.tenantId(), caller.userId(),
                    RunCommands.GRAPH_VERSION, goal.text(), goal.autonomyLevel()));
            return goal;
        });
        readModel.awaitVersion(new FindGoalVersion(goalId), started.version());
        return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + runId))
                .body(new StartGoalResponse(runId, "Goal execution started"));
    }

    private ResponseEntity<GoalView> respond(HttpStatus status, String goalId, long version, Caller caller) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(IfMatch.etag(version));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create("/api/v1/goals/" + goalId));
        }
        GoalView view = readModel.readAtLeast(
                () -> queries.query(new FindGoal(goalId, caller.tenantId()), GoalView.class).join(),
                GoalView::version, new FindGoalVersion(goalId), version);
        return view == null ? response.build() : response.body(view);
    }

    public record StartGoalResponse(String runId, String message) {
    }
}
