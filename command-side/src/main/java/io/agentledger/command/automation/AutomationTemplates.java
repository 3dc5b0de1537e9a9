package io.agentledger.command.automation;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.Priority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The workflow templates shipped with the service: each has typed parameters (validated when an
 * automation is saved, defaults filled in) and turns a firing into the text of the goal it starts.
 */
public final class AutomationTemplates {

    static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");
    static final List<String> AUTONOMY = List.of("L0", "L1", "L2", "L3");
    static final List<String> SECTIONS = List.of("goals", "runs", "approvals", "memory");

    record Template(String id, String name, String description, Map<String, TemplateParameter> parameters,
                    BiFunction<Map<String, Object>, String, String> goalText) {
    }

    static final Map<String, Template> TEMPLATES = templates();

    private AutomationTemplates() {
    }

    private static Map<String, Template> templates() {
        Map<String, Template> templates = new LinkedHashMap<>();
        add(templates, new Template("meeting_followup", "Meeting Follow-up", "Create follow-up tasks from meeting notes",
                withAutonomy(Map.of(
                        "task_priority", TemplateParameter.choice("Priority of the follow-up tasks", PRIORITIES, "medium"),
                        "due_date_offset", TemplateParameter.integer("Days from meeting date", 0, 365, 7))),
                (p, subject) -> "Follow up on the meeting \"" + subject + "\": create the follow-up tasks with "
                        + p.get("task_priority") + " priority, due " + p.get("due_date_offset")
                        + " days after the meeting"));
        add(templates, new Template("email_classification", "Email Classification",
                "Classify incoming emails and flag the important ones", withAutonomy(Map.of(
                        "priority_threshold", TemplateParameter.number("Score from which an email is important", 0, 1,
                                0.8),
                        "auto_label", TemplateParameter.flag("Label the email with its class", false))),
                (p, subject) -> "Classify the email \"" + subject + "\" and flag it as important when its score is at "
                        + "least " + p.get("priority_threshold") + (Boolean.TRUE.equals(p.get("auto_label"))
                        ? "; label it with its class" : "")));
        add(templates, new Template("daily_digest", "Daily Digest", "Write a digest of the day's activity",
                withAutonomy(Map.of(
                        "sections", TemplateParameter.choices("What the digest covers", SECTIONS, SECTIONS),
                        "max_items", TemplateParameter.integer("Items per section at most", 1, 100, 10))),
                (p, subject) -> "Write the daily digest (" + subject + ") covering " + String.join(", ",
                        sections(p)) + ", at most " + p.get("max_items") + " items each"));
        return Map.copyOf(templates);
    }

    private static void add(Map<String, Template> templates, Template template) {
        templates.put(template.id(), template);
    }

    private static Map<String, TemplateParameter> withAutonomy(Map<String, TemplateParameter> parameters) {
        Map<String, TemplateParameter> all = new LinkedHashMap<>(new java.util.TreeMap<>(parameters));
        all.put("autonomy_level", TemplateParameter.choice("How much the started run may do without a person",
                AUTONOMY, "L2"));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<String> sections(Map<String, Object> parameters) {
        return (List<String>) parameters.get("sections");
    }

    /** The parameters checked against the template, defaults filled in; 422 on an unknown template or parameter. */
    static Map<String, Object> check(String templateId, Map<String, Object> given) {
        Template template = template(templateId);
        Map<String, Object> parameters = given == null ? Map.of() : given;
        for (String name : parameters.keySet()) {
            if (!template.parameters().containsKey(name)) {
                throw DomainException.invalid("workflow.parameters." + name + " is not a parameter of " + templateId
                        + " (" + String.join(", ", template.parameters().keySet()) + ")");
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> checked.put(name, parameter.check(name,
                parameters.get(name))));
        return checked;
    }

    static Template template(String templateId) {
        Template template = templateId == null ? null : TEMPLATES.get(templateId);
        if (template == null) {
            throw DomainException.invalid("workflow.template must be one of " + TEMPLATES.keySet());
        }
        return template;
    }

    static String goalText(String templateId, Map<String, Object> parameters, String subject) {
        return template(templateId).goalText().apply(parameters, subject == null ? "unnamed" : subject);
    }

    static Priority priority(Map<String, Object> parameters) {
        Object priority = parameters.get("task_priority");
        return priority == null ? Priority.MEDIUM : Priority.valueOf(priority.toString().toUpperCase(Locale.ROOT));
    }

    static AutonomyLevel autonomy(Map<String, Object> parameters) {
        Object level = parameters.get("autonomy_level");
        return level == null ? AutonomyLevel.L2 : AutonomyLevel.valueOf(level.toString());
    }

    /** Seed 000's {@code GET /automations/templates}. */
    public static List<Map<String, Object>> catalogue() {
        return TEMPLATES.values().stream().sorted(java.util.Comparator.comparing(Template::id)).map(template -> {
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("id", template.id());
            shape.put("name", template.name());
            shape.put("description", template.description());
            Map<String, Object> parameters = new LinkedHashMap<>();
            template.parameters().forEach((name, parameter) -> parameters.put(name, parameter.schema()));
            shape.put("parameters", parameters);
            return shape;
        }).toList();
    }
}
