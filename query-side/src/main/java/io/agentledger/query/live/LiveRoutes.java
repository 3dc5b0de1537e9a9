package io.agentledger.query.live;

import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.kernel.approval.ApprovalEvent;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live routes. Each answers a request-stream with {@link LiveMessage}s from the event store, limited
 * to the caller's tenant and to what their role may read, exactly as the REST API is. Every route takes
 * {@code {"from_position": n}} to resume after the last position received.
 */
@Controller
public class LiveRoutes {

    private static final int FOLLOWED_RUNS = 1000;

    private final EventFeed feed;
    private final StoredEvents store;

    public LiveRoutes(EventFeed feed, StoredEvents store) {
        this.feed = feed;
        this.store = store;
    }

    /** {@code run.update} and the run's task stream from its creation (or the position given) to its end. */
    @MessageMapping("runs.{runId}")
    public Flux<LiveMessage> run(@DestinationVariable String runId, @Payload(required = false) StreamRequest request,
                                 @AuthenticationPrincipal Caller caller) {
        return blocking(() -> {
            require(caller, Permission.READ_RUNS);
            FeedEvent created = owned(runId, "RunAggregate", "Run", caller);
            RunLines lines = new RunLines(store, 1);
            Long from = from(request);
            if (from != null && lines.preload(runId, from).finished()) {
                return Flux.<LiveMessage>empty();
            }
            return feed.stream(from == null ? created.position() - 1 : from, FeedFilter.aggregate(runId)
                            .or(FeedFilter.payloadField("ApprovalAggregate", "run_id", runId)))
                    .handle(mapping(event -> RunMessages.of(event, lines)))
                    .takeUntil(RunMessages::last);
        });
    }

    /** {@code run.update} of every run of the caller's tenant. */
    @MessageMapping("runs")
    public Flux<LiveMessage> runs(@Payload(required = false) StreamRequest request,
                                  @AuthenticationPrincipal Caller caller) {
        return tenantStream(caller, Permission.READ_RUNS, request, FeedFilter.aggregateType("RunAggregate"), () -> {
            RunLines lines = new RunLines(store, FOLLOWED_RUNS);
            return event -> {
                LiveMessage message = RunMessages.of(event, lines);
                return message != null && RunMessages.UPDATE.equals(message.type()) ? message : null;
            };
        });
    }

    /** {@code approval.request} when an approval is created, then {@code approval.decided} or {@code approval.expired}. */
    @MessageMapping("approvals")
    public Flux<LiveMessage> approvals(@Payload(required = false) StreamRequest request,
                                       @AuthenticationPrincipal Caller caller) {
        return tenantStream(caller, Permission.READ_APPROVALS, request, FeedFilter.aggregateType("ApprovalAggregate"),
                () -> event -> event.payload() instanceof ApprovalEvent approval
                        ? ApprovalMessages.of(event, approval) : null);
    }

    /** The goal's changes from its creation, ending with {@code goal.completed} (or its deletion). */
    @MessageMapping("goals.{goalId}")
    public Flux<LiveMessage> goal(@DestinationVariable String goalId, @Payload(required = false) StreamRequest request,
                                  @AuthenticationPrincipal Caller caller) {
        return blocking(() -> {
            require(caller, Permission.READ_GOALS);
            FeedEvent created = owned(goalId, "GoalAggregate", "Goal", caller);
            Long from = from(request);
            if (from != null && store.ofAggregate(goalId, from).stream().map(GoalMessages::of)
                    .anyMatch(message -> message != null && GoalMessages.last(message))) {
                return Flux.<LiveMessage>empty();
            }
            return feed.stream(from == null ? created.position() - 1 : from, FeedFilter.aggregate(goalId))
                    .handle(mapping(GoalMessages::of))
                    .takeUntil(GoalMessages::last);
        });
    }

    /** Every event the caller may see, as stored; resume with the last position for each exactly once. */
    @MessageMapping("events")
    public Flux<LiveMessage> events(@Payload(required = false) StreamRequest request,
                                    @AuthenticationPrincipal Caller caller) {
        return tenantStream(caller, null, request, EventMessages.visibleTo(caller), () -> EventMessages::stored);
    }

    /** New audit entries, for auditors. */
    @MessageMapping("audit")
    public Flux<LiveMessage> audit(@Payload(required = false) StreamRequest request,
                                   @AuthenticationPrincipal Caller caller) {
        return tenantStream(caller, Permission.READ_AUDIT, request, FeedFilter.all(), () -> EventMessages::audit);
    }

    /** Workflow executions, and runs, as seed 003's workflow and agent events. */
    @MessageMapping("workflows")
    public Flux<LiveMessage> workflows(@Payload(required = false) StreamRequest request,
                                       @AuthenticationPrincipal Caller caller) {
        return tenantStream(caller, Permission.READ_RUNS, request, FeedFilter.aggregateType("RunAggregate")
                .or(FeedFilter.aggregateType("WorkflowExecutionAggregate")), () -> {
            RunLines lines = new RunLines(store, FOLLOWED_RUNS);
            return event -> "WorkflowExecutionAggregate".equals(event.aggregateType())
                    ? WorkflowExecutionMessages.of(event) : WorkflowMessages.of(event, lines);
        });
    }

    /**
     * Seed 003's agent messages for the tenant's agents: {@code agent:status_changed} as builds start and
     * end, {@code agent:execution_started}, {@code agent:execution_completed} and {@code agent:error}.
     */
    @MessageMapping("agents")
    public Flux<LiveMessage> agents(@Payload(required = false) StreamRequest request,
                                    @AuthenticationPrincipal Caller caller) {
        return tenantStream(caller, Permission.READ_AGENTS, request, FeedFilter.aggregateType("AgentAggregate")
                .or(FeedFilter.aggregateType("ExecutionAggregate")).or(FeedFilter.aggregateType("AgentMessageAggregate")),
                () -> new AgentMessages()::of);
    }

    /** {@code system:architecture_updated} for each change of the tenant's or the platform's configuration. */
    @MessageMapping("system")
    public Flux<LiveMessage> system(@Payload(required = false) StreamRequest request,
                                    @AuthenticationPrincipal Caller caller) {
        FeedFilter modifications = SystemMessages.modificationsFor(caller.tenantId());
        return stream(caller, Permission.READ_SYSTEM, request, modifications, () -> SystemMessages::of);
    }

    private Flux<LiveMessage> tenantStream(Caller caller, String permission, StreamRequest request, FeedFilter filter,
                                           Supplier<Function<FeedEvent, LiveMessage>> mapping) {
        return stream(caller, permission, request, FeedFilter.tenant(caller.tenantId()).and(filter), mapping);
    }

    private Flux<LiveMessage> stream(Caller caller, String permission, StreamRequest request, FeedFilter filter,
                                     Supplier<Function<FeedEvent, LiveMessage>> mapping) {
        return blocking(() -> {
            if (permission != null) {
                require(caller, permission);
            }
            Long from = from(request);
            return feed.stream(from == null ? feed.head() : from, filter).handle(mapping(mapping.get()));
        });
    }

    /** The aggregate's first event, if it is one of {@code aggregateType} in the caller's tenant; else not found. */
    private FeedEvent owned(String id, String aggregateType, String noun, Caller caller) {
        return store.first(id).filter(first -> aggregateType.equals(first.aggregateType())
                        && caller.tenantId().equals(first.json().path("tenant_id").asText(null)))
                .orElseThrow(() -> new LiveFailure(ErrorCode.NOT_FOUND, noun + " " + id + " not found"));
    }

    private static Long from(StreamRequest request) {
        Long from = (request == null ? StreamRequest.NONE : request).fromPosition();
        if (from != null && from < 0) {
            throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "from_position must be 0 or more");
        }
        return from;
    }

    private static void require(Caller caller, String permission) {
        if (!caller.can(permission)) {
            throw new LiveFailure(ErrorCode.FORBIDDEN, "Your role does not allow this route (needs " + permission
                    + ")");
        }
    }

    private static BiConsumer<FeedEvent, SynchronousSink<LiveMessage>> mapping(Function<FeedEvent, LiveMessage> mapping) {
        return (event, sink) -> {
            LiveMessage message = mapping.apply(event);
            if (message != null) {
                sink.next(message);
            }
        };
    }

    /** Checks and lookups run off the transport's threads; a subscriber too far behind gets told where to resume. */
    private static Flux<LiveMessage> blocking(Callable<Flux<LiveMessage>> stream) {
        return Mono.fromCallable(stream).subscribeOn(Schedulers.boundedElastic()).flatMapMany(Function.identity())
                .onErrorResume(StreamBehind.class, behind -> Mono.just(new LiveMessage("stream.behind",
                        Map.of("position", behind.position(), "head", behind.head(), "detail", behind.getMessage()),
                        behind.position(), Instant.now())))
                .onErrorMap(LiveFailure::of);
    }
}
