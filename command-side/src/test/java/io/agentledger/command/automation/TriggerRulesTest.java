package io.agentledger.command.automation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.automation.TriggerRules.Match;
import io.agentledger.kernel.automation.AutomationTrigger;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorItemsSynced;
import io.agentledger.kernel.connector.SyncedItem;
import io.agentledger.kernel.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record GoalCreated(String tenantId, String text, String priority, Map<String, Object> details) {
    }

    private static List<Match> matches(AutomationTrigger trigger, Object payload) {
        return TriggerRules.matches(trigger, "auto_1", payload, JSON.valueToTree(payload));
    }

    @Test
    void eventConditionsCompareFieldsToAValueOrAListOfValues() {
        GoalCreated goal = new GoalCreated("t", "Plan the offsite", "high", Map.of("team", "ops"));
        AutomationTrigger high = new AutomationTrigger("event", Map.of("event_type", "GoalCreated", "conditions",
                Map.of("priority", List.of("high", "urgent"), "details.team", "OPS")));
        assertThat(matches(high, goal)).extracting(Match::subject).containsExactly("Plan the offsite");
        assertThat(matches(new AutomationTrigger("event", Map.of("event_type", "GoalCreated", "conditions",
                Map.of("priority", "low"))), goal)).isEmpty();
        assertThat(matches(new AutomationTrigger("event", Map.of("event_type", "GoalDeleted")), goal)).isEmpty();
    }

    @Test
    void mailAndCalendarItemsAreNarrowedByLabelsKeywordsAndTypes() {
        ConnectorItemsSynced synced = new ConnectorItemsSynced("conn_1", "t", "sync_1", "google-gmail", List.of(
                new SyncedItem("m1", null, "URGENT: renewal", List.of("INBOX"), "sign it"),
                new SyncedItem("m2", null, "Hello", List.of("INBOX"), "nothing important here"),
                new SyncedItem("m3", null, "Deals", List.of("PROMOTIONS"), "urgent deals")));
        AutomationTrigger gmail = new AutomationTrigger("gmail", Map.of("labels", List.of("inbox"), "keywords",
                List.of("urgent", "important")));
        assertThat(matches(gmail, synced)).extracting(Match::item).containsExactly("conn_1:m1", "conn_1:m2");
        assertThat(matches(new AutomationTrigger("calendar", Map.of()), synced)).as("another provider").isEmpty();

        ConnectorItemsSynced events = new ConnectorItemsSynced("conn_2", "t", "sync_2", "work", List.of(
                new SyncedItem("e1", "meeting", "Design review", List.of(), "action items: follow-up"),
                new SyncedItem("e2", "focus", "Deep work", List.of(), "follow-up")));
        AutomationTrigger calendar = new AutomationTrigger("calendar", Map.of("provider", "work", "event_types",
                List.of("meeting"), "keywords", List.of("follow-up")));
        assertThat(matches(calendar, events)).extracting(Match::subject).containsExactly("Design review");
    }

    @Test
    void configsAreCheckedWhenSaved() {
        TriggerRules.check(new AutomationTrigger("approval_expired", null));
        TriggerRules.check(new AutomationTrigger("schedule", Map.of("cron", "0 9 * * 1-5")));
        for (AutomationTrigger bad : List.of(new AutomationTrigger("schedule", Map.of("cron", "61 * * * *")),
                new AutomationTrigger("event", Map.of("event_type", "goal created")),
                new AutomationTrigger("gmail", Map.of("labels", "INBOX")),
                new AutomationTrigger("memory", Map.of("tags", List.of(" "))),
                new AutomationTrigger(null, Map.of()))) {
            assertThatThrownBy(() -> TriggerRules.check(bad)).as(bad.toString()).isInstanceOf(DomainException.class);
        }
    }

    @Test
    void templateParametersAreTypedAndDefaulted() {
        Map<String, Object> checked = AutomationTemplates.check("email_classification", Map.of("auto_label", true));
        assertThat(checked).containsEntry("priority_threshold", 0.8).containsEntry("auto_label", true)
                .containsEntry("autonomy_level", "L2");
        assertThatThrownBy(() -> AutomationTemplates.check("email_classification", Map.of("priority_threshold", 2)))
                .hasMessageContaining("priority_threshold");
        assertThatThrownBy(() -> AutomationTemplates.check("daily_digest", Map.of("sections", List.of("gossip"))))
                .hasMessageContaining("sections");
        assertThat(AutomationTemplates.goalText("daily_digest", AutomationTemplates.check("daily_digest", null),
                "today")).isEqualTo("Write the daily digest (today) covering goals, runs, approvals, memory, at most "
                + "10 items each");
    }
}
