package io.agentledger.command.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.automation.AutomationEvent.AutomationScheduleFired;
import io.agentledger.kernel.automation.AutomationTrigger;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorItemsSynced;
import io.agentledger.kernel.connector.SyncedItem;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each trigger type accepts as config, and whether an event fires it:
 * <ul>
 *   <li>{@code event}: {@code {event_type, conditions}} — any event of this service by its type name
 *   ({@code GoalCompleted}), each condition a field of the event (snake_case, dotted for nesting) equal
 *   to a value, or to one of a list of values;</li>
 *   <li>{@code memory}: {@code {tags}} — a memory document stored with all these tags;</li>
 *   <li>{@code approval_expired}: an approval that expired ({@code {node}} to narrow it);</li>
 *   <li>{@code gmail}, {@code calendar}: items a sync of a connector fetched (its provider named by
 *   {@code provider}, else one whose name contains the type), narrowed by {@code labels}, {@code keywords}
 *   (in title or text) and {@code event_types}; one firing per matching item, however many syncs see it;</li>
 *   <li>{@code schedule}: {@code {cron}} — five fields (minute first) or six, in UTC.</li>
 * </ul>
 */
final class TriggerRules {

    static final Set<String> TYPES = Set.of("event", "memory", "approval_expired", "gmail", "calendar", "schedule");
    static final int MAX_CONDITIONS = 20;

    /** One thing the trigger fired for: {@code item} the synced item as connector:item (null for the event itself). */
    record Match(String item, String subject) {
    }

    private TriggerRules() {
    }

    static void check(AutomationTrigger trigger) {
        if (trigger == null || trigger.type() == null || !TYPES.contains(trigger.type())) {
            throw DomainException.invalid("trigger.type must be one of " + new java.util.TreeSet<>(TYPES));
        }
        Map<String, Object> config = trigger.config() == null ? Map.of() : trigger.config();
        switch (trigger.type()) {
            case "event" -> {
                if (!(config.get("event_type") instanceof String type) || !type.matches("[A-Z][A-Za-z0-9]{1,80}")) {
                    throw DomainException.invalid("trigger.config.event_type must name an event type, such as "
                            + "GoalCompleted");
                }
                Object conditions = config.get("conditions");
                if (conditions != null && (!(conditions instanceof Map<?, ?> map) || map.size() > MAX_CONDITIONS
                        || !map.values().stream().allMatch(TriggerRules::simple))) {
                    throw DomainException.invalid("trigger.config.conditions must map at most " + MAX_CONDITIONS
                            + " fields to a value or a list of values");
                }
            }
            case "memory" -> strings(config, "tags", true);
            case "schedule" -> AutomationCron.of(config.get("cron"));
            case "gmail", "calendar" -> {
                if (config.get("provider") != null && !(config.get("provider") instanceof String)) {
                    throw DomainException.invalid("trigger.config.provider must name a connector provider");
                }
                strings(config, "labels", false);
                strings(config, "keywords", false);
                strings(config, "event_types", false);
            }
            default -> {
            }
        }
    }

    /** What {@code payload} (stored as {@code json}) fires of {@code trigger}; empty when nothing. */
    static List<Match> matches(AutomationTrigger trigger, String automationId, Object payload, JsonNode json) {
        Map<String, Object> config = trigger.config() == null ? Map.of() : trigger.config();
        switch (trigger.type()) {
            case "event" -> {
                if (!payload.getClass().getSimpleName().equals(config.get("event_type"))) {
                    return List.of();
                }
                if (config.get("conditions") instanceof Map<?, ?> conditions) {
                    for (Map.Entry<?, ?> condition : conditions.entrySet()) {
                        if (!holds(field(json, condition.getKey().toString()), condition.getValue())) {
                            return List.of();
                        }
                    }
                }
                return List.of(new Match(null, subject(json, payload.getClass().getSimpleName())));
            }
            case "memory" -> {
                if (!(payload instanceof DocumentUpserted upserted)) {
                    return List.of();
                }
                List<String> tags = lower(upserted.document().tags());
                return tags.containsAll(lower(strings(config, "tags", true))) ? List.of(new Match(null,
                        upserted.document().title() == null ? upserted.document().sourceUri()
                                : upserted.document().title())) : List.of();
            }
            case "approval_expired" -> {
                return payload instanceof ApprovalExpired expired ? List.of(new Match(null, "approval "
                        + expired.approvalId() + " expired")) : List.of();
            }
            case "schedule" -> {
                return payload instanceof AutomationScheduleFired fired && fired.automationId().equals(automationId)
                        ? List.of(new Match(null, "scheduled for " + fired.dueAt())) : List.of();
            }
            default -> {
                if (!(payload instanceof ConnectorItemsSynced synced) || !fromProvider(synced, trigger.type(), config)) {
                    return List.of();
                }
                List<Match> matches = new ArrayList<>();
                for (SyncedItem item : synced.items()) {
                    if (item.id() != null && itemMatches(item, config)) {
                        matches.add(new Match(synced.connectorId() + ":" + item.id(), item.title() == null ? item.id()
                                : item.title()));
                    }
                }
                return matches;
            }
        }
    }

    /** What the event is about, in words: its title, text, name or subject, else its type. */
    private static String subject(JsonNode json, String type) {
        for (String field : List.of("title", "text", "name", "subject")) {
            if (json.path(field).isTextual() && !json.path(field).asText().isBlank()) {
                String text = json.path(field).asText();
                return text.length() > 200 ? text.substring(0, 200) : text;
            }
        }
        return type;
    }

    /** {@code config.provider} names the connector's provider; without it the provider's name contains the type. */
    private static boolean fromProvider(ConnectorItemsSynced synced, String type, Map<String, Object> config) {
        if (synced.provider() == null) {
            return false;
        }
        Object provider = config.get("provider");
        return provider instanceof String name ? name.equalsIgnoreCase(synced.provider())
                : synced.provider().toLowerCase(Locale.ROOT).contains(type);
    }

    private static boolean itemMatches(SyncedItem item, Map<String, Object> config) {
        List<String> labels = lower(strings(config, "labels", false));
        List<String> types = lower(strings(config, "event_types", false));
        List<String> keywords = lower(strings(config, "keywords", false));
        if (!labels.isEmpty() && lower(item.labels()).stream().noneMatch(labels::contains)) {
            return false;
        }
        if (!types.isEmpty() && (item.type() == null || !types.contains(item.type().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        String text = ((item.title() == null ? "" : item.title()) + " " + (item.text() == null ? "" : item.text()))
                .toLowerCase(Locale.ROOT);
        return keywords.isEmpty() || keywords.stream().anyMatch(text::contains);
    }

    private static JsonNode field(JsonNode json, String path) {
        JsonNode node = json;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static boolean holds(JsonNode actual, Object expected) {
        if (expected instanceof List<?> options) {
            return options.stream().anyMatch(option -> holds(actual, option));
        }
        if (actual.isMissingNode() || actual.isNull()) {
            return expected == null;
        }
        return expected != null && actual.isValueNode() && actual.asText().equalsIgnoreCase(String.valueOf(expected));
    }

    private static boolean simple(Object value) {
        if (value instanceof List<?> list) {
            return list.size() <= 50 && list.stream().allMatch(item -> item == null || item instanceof String
                    || item instanceof Number || item instanceof Boolean);
        }
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> config, String name, boolean required) {
        Object value = config.get(name);
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || required && list.isEmpty() || list.size() > 50
                || !list.stream().allMatch(item -> item instanceof String text && !text.isBlank() && text.length() <= 200)) {
            throw DomainException.invalid("trigger.config." + name + " must be a list of up to 50 words"
                    + (required ? ", at least one" : ""));
        }
        return (List<String>) list;
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
