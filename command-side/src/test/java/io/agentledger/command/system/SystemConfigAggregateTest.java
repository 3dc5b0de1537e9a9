package io.agentledger.command.system;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.SystemCommands.ModifySystem;
import io.agentledger.kernel.system.SystemCommands.RollBack;
import io.agentledger.kernel.system.SystemCommands.RollbackPlan;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import io.agentledger.kernel.system.SystemEvent.ValueChange;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class SystemConfigAggregateTest {

    private static final String CONFIG = "syscfg_ten_1";
    private static final String STEPS = "agents.max_steps";
    private static final String READ = "rate_limits.read";

    private AggregateTestFixture<SystemConfigAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SystemConfigAggregate.class);
    }

    private static SystemModified modified(String id, Map<String, ValueChange> changes, String... rollsBack) {
        return new SystemModified(CONFIG, "ten_1", id, rollsBack.length == 0 ? ModificationType.SYSTEM_SETTING
                : ModificationType.ROLLBACK, "d", changes, null, "user_1", List.of(rollsBack),
                rollsBack.length == 0 ? null : "why");
    }

    private static Map<String, ValueChange> change(String key, Object before, Object after) {
        Map<String, ValueChange> changes = new HashMap<>();
        changes.put(key, new ValueChange(before, after));
        return changes;
    }

    private static RollBack rollBack(String id, boolean cascade, boolean dryRun) {
        return new RollBack(CONFIG, "ten_1", id, null, cascade, dryRun, "why", "user_1");
    }

    @Test
    void aFirstValueWasInheritedBeforeAndTheSameValueAgainChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(new ModifySystem(CONFIG, "ten_1", "mod_1", ModificationType.AGENT_CONFIG, "d",
                        Map.of(STEPS, 5L), null, "user_1"))
                .expectEvents(new SystemModified(CONFIG, "ten_1", "mod_1", ModificationType.AGENT_CONFIG, "d",
                        change(STEPS, null, 5L), null, "user_1", List.of(), null));
        fixture.given(modified("mod_1", change(STEPS, null, 5L)))
                .when(new ModifySystem(CONFIG, "ten_1", "mod_2", ModificationType.AGENT_CONFIG, "d",
                        Map.of(STEPS, 5), null, "user_1"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void rollingBackTheFirstChangeMakesTheKeyInheritAgain() {
        fixture.given(modified("mod_1", change(STEPS, null, 5L)))
                .when(rollBack("mod_1", false, false))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event -> {
                    SystemModified rollback = (SystemModified) event;
                    return rollback.type() == ModificationType.ROLLBACK && rollback.rollsBack().equals(List.of("mod_1"))
                            && rollback.changes().equals(change(STEPS, 5L, null));
                }), andNoMore())));
    }

    @Test
    void laterChangesOfTheSameKeyConflictUnlessCascadedAndADryRunAppliesNothing() {
        SystemModified first = modified("mod_1", change(READ, null, 100L));
        SystemModified second = modified("mod_2", change(READ, 100L, 200L));
        SystemModified unrelated = modified("mod_3", change(STEPS, null, 5L));
        fixture.given(first, second, unrelated)
                .when(rollBack("mod_1", false, false))
                .expectExceptionMessage("Later modifications changed the same settings: mod_2; roll them back "
                        + "first or pass cascade: true");
        fixture.given(first, second, unrelated)
                .when(rollBack("mod_1", true, true))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(predicate(result -> ((RollbackPlan) result).steps().size() == 2));
        fixture.given(first, second, unrelated)
                .when(rollBack("mod_1", true, false))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(event -> ((SystemModified) event).rollsBack().equals(List.of("mod_2"))
                                && ((SystemModified) event).changes().equals(change(READ, 200L, 100L))),
                        predicate(event -> ((SystemModified) event).rollsBack().equals(List.of("mod_1"))
                                && ((SystemModified) event).changes().equals(change(READ, 100L, null))),
                        andNoMore())));
    }

    @Test
    void rollingBackARollbackReappliesAndARolledBackChangeIsNotRolledBackTwice() {
        SystemModified first = modified("mod_1", change(STEPS, null, 5L));
        SystemModified undone = modified("mod_2", change(STEPS, 5L, null), "mod_1");
        fixture.given(first, undone)
                .when(rollBack("mod_1", false, false))
                .expectException(DomainException.class);
        fixture.given(first, undone)
                .when(rollBack("mod_2", false, false))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                        ((SystemModified) event).changes().equals(change(STEPS, null, 5L))), andNoMore())));
    }

    @Test
    void anotherTenantsCommandFindsNothing() {
        fixture.given(modified("mod_1", change(STEPS, null, 5L)))
                .when(new RollBack(CONFIG, "ten_2", "mod_1", null, false, false, "why", "user_9"))
                .expectExceptionMessage("Configuration not found");
    }
}
