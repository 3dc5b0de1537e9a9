package io.agentledger.kernel.automation;


import java.util.LinkedHashMap;
import java.util.Map;

/** Automations in seed 000's shape. */
public final class AutomationShapes {

    private AutomationShapes() {
    }

    public static Map<String, Object> automation(AutomationView view) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", view.id());
        shape.put("tenant_id", view.tenantId());
        shape.put("name", view.name());
        shape.put("description", view.description());
        shape.put("trigger", Map.of("type", view.trigger().type(), "config",
                view.trigger().config() == null ? Map.of() : view.trigger().config()));
        shape.put("workflow", workflow(view.workflow()));
        shape.put("is_active", view.isActive());
        shape.put("fire_count", view.fireCount());
        shape.put("last_fired_at", view.lastFiredAt());
        shape.put("created_by", view.createdBy());
        shape.put("created_at", view.createdAt());
        shape.put("updated_at", view.updatedAt());
        shape.put("version", view.version());
        return shape;
    }

    private static Map<String, Object> workflow(AutomationWorkflow workflow) {
        Map<String, Object> shape = new LinkedHashMap<>();
        if (workflow.template() != null) {
            shape.put("template", workflow.template());
        }
        if (workflow.workflowId() != null) {
            shape.put("workflow_id", workflow.workflowId());
        }
        shape.put("parameters", workflow.parameters() == null ? Map.of() : workflow.parameters());
        return shape;
    }

    public static Map<String, Object> firing(AutomationFiringView view) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", view.id());
        shape.put("automation_id", view.automationId());
        shape.put("trigger_event_id", view.triggerEventId());
        shape.put("trigger_event_type", view.triggerEventType());
        shape.put("trigger_item", view.triggerItem());
        shape.put("started_type", view.startedType());
        shape.put("started_id", view.startedId());
        shape.put("run_id", view.runId());
        shape.put("fired_at", view.firedAt());
        return shape;
    }
}
