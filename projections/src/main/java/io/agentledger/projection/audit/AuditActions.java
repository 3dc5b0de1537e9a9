package io.agentledger.projection.audit;

import java.util.Map;

/** The audit vocabulary: each event type as the {@code resource.verb} an auditor reads. */
final class AuditActions {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("TenantCreated", "tenant.create"),
            Map.entry("UserRegistered", "user.register"),
            Map.entry("UserRoleChanged", "user.change_role"),
            Map.entry("UserDeactivated", "user.deactivate"),
            Map.entry("UserPreferencesChanged", "user.update_preferences"),
            Map.entry("UserInvited", "invitation.create"),
            Map.entry("InvitationAccepted", "invitation.accept"),
            Map.entry("SessionStarted", "auth.login"),
            Map.entry("LoginFailed", "auth.login"),
            Map.entry("SessionRefreshed", "auth.refresh"),
            Map.entry("RefreshTokenReuseDetected", "auth.refresh_reuse"),
            Map.entry("SessionEnded", "auth.logout"),
            Map.entry("ApiKeyCreated", "api_key.create"),
            Map.entry("ApiKeyUsed", "api_key.use"),
            Map.entry("ApiKeyRevoked", "api_key.revoke"),
            Map.entry("GoalCreated", "goal.create"),
            Map.entry("GoalUpdated", "goal.update"),
            Map.entry("GoalDeleted", "goal.delete"),
            Map.entry("GoalStarted", "goal.start"),
            Map.entry("GoalTasksPlanned", "goal.plan"),
            Map.entry("GoalCompleted", "goal.complete"),
            Map.entry("GoalReleased", "goal.release"),
            Map.entry("RunCreated", "run.create"),
            Map.entry("RunStarted", "run.start"),
            Map.entry("NodeStarted", "run.node_start"),
            Map.entry("NodeCompleted", "run.node_complete"),
            Map.entry("NodeFailed", "run.node_fail"),
            Map.entry("CheckpointRecorded", "run.checkpoint"),
            Map.entry("ArtifactProduced", "run.artifact"),
            Map.entry("CostRecorded", "run.cost"),
            Map.entry("StepCompleted", "run.step"),
            Map.entry("StepGated", "run.gate"),
            Map.entry("ToolCalled", "run.tool_call"),
            Map.entry("InputProvided", "run.input"),
            Map.entry("StepApprovalResolved", "run.approval_resolved"),
            Map.entry("RunPaused", "run.pause"),
            Map.entry("RunResumed", "run.resume"),
            Map.entry("RunCompleted", "run.complete"),
            Map.entry("RunFailed", "run.fail"),
            Map.entry("RunCancelled", "run.cancel"),
            Map.entry("ApprovalRequested", "approval.request"),
            Map.entry("ApprovalDecided", "approval.decide"),
            Map.entry("ApprovalExpired", "approval.expire"),
            Map.entry("DocumentUpserted", "memory.upsert"),
            Map.entry("DocumentDeleted", "memory.delete"),
            Map.entry("DocumentExpired", "memory.expire"),
            Map.entry("AgentMemoryStored", "memory.agent_store"),
            Map.entry("AgentRegistered", "agent.create"),
            Map.entry("AgentUpdated", "agent.update"),
            Map.entry("AgentArchived", "agent.archive"),
            Map.entry("AgentVersionUploaded", "agent.upload"),
            Map.entry("AgentVersionBuildStarted", "agent.build_start"),
            Map.entry("AgentVersionBuildStagePassed", "agent.build_stage"),
            Map.entry("AgentVersionBuilt", "agent.build"),
            Map.entry("AgentVersionBuildFailed", "agent.build_fail"),
            Map.entry("ExecutionRequested", "execution.request"),
            Map.entry("ExecutionStarted", "execution.start"),
            Map.entry("ExecutionCompleted", "execution.complete"),
            Map.entry("ExecutionFailed", "execution.fail"),
            Map.entry("ExecutionCancelled", "execution.cancel"),
            Map.entry("McpServerRegistered", "mcp_server.register"),
            Map.entry("McpServerToolsListed", "mcp_server.tools_listed"),
            Map.entry("McpServerHealthChanged", "mcp_server.health_changed"),
            Map.entry("McpServerRemoved", "mcp_server.remove"),
            Map.entry("WorkflowScheduleFired", "workflow.schedule_fired"),
            Map.entry("WorkflowCreated", "workflow.create"),
            Map.entry("WorkflowRevised", "workflow.update"),
            Map.entry("WorkflowDeleted", "workflow.delete"),
            Map.entry("WorkflowExecutionStarted", "workflow_execution.start"),
            Map.entry("WorkflowNodeStarted", "workflow_execution.node_start"),
            Map.entry("WorkflowNodeSucceeded", "workflow_execution.node_complete"),
            Map.entry("WorkflowNodeFailed", "workflow_execution.node_fail"),
            Map.entry("WorkflowNodeSkipped", "workflow_execution.node_skip"),
            Map.entry("WorkflowExecutionPaused", "workflow_execution.pause"),
            Map.entry("WorkflowExecutionResumed", "workflow_execution.resume"),
            Map.entry("WorkflowExecutionCompleted", "workflow_execution.complete"),
            Map.entry("WorkflowExecutionFailed", "workflow_execution.fail"),
            Map.entry("WorkflowExecutionStopped", "workflow_execution.stop"),
            Map.entry("TaskSessionOpened", "task_session.open"),
            Map.entry("TaskSessionDeleted", "task_session.delete"),
            Map.entry("TaskCreated", "task.create"),
            Map.entry("TaskToolCalled", "task.tool_call"),
            Map.entry("TaskToolReturned", "task.tool_result"),
            Map.entry("TaskArtifactStored", "task.artifact"),
            Map.entry("TaskInputGiven", "task.input"),
            Map.entry("TaskCompleted", "task.complete"),
            Map.entry("TaskFailed", "task.fail"),
            Map.entry("TaskStopped", "task.stop"),
            Map.entry("AutomationCreated", "automation.create"),
            Map.entry("AutomationUpdated", "automation.update"),
            Map.entry("AutomationDeleted", "automation.delete"),
            Map.entry("AutomationScheduleFired", "automation.schedule_fired"),
            Map.entry("AutomationFired", "automation.fire"),
            Map.entry("ConnectorItemsSynced", "connector.items_synced"),
            Map.entry("VoiceSettingsChanged", "voice.update_settings"),
            Map.entry("VoicePhrasesTrained", "voice.train"),
            Map.entry("VoiceCommandProcessed", "voice.command"),
            Map.entry("AgentMessageRecorded", "agent_message.send"),
            Map.entry("RequestRejected", "request.reject"),
            Map.entry("AuthenticatorRemoved", "stepup.remove_authenticator"),
            Map.entry("PlatformOwnershipClaimed", "platform.claim_ownership"),
            Map.entry("DeadLetterRetried", "dead_letter.retry"),
            Map.entry("DeadLetterEvicted", "dead_letter.evict"));

    private AuditActions() {
    }

    static String action(Class<?> eventType) {
        return ACTIONS.getOrDefault(eventType.getSimpleName(), resourceType(eventType) + "."
                + eventType.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
    }

    /** The resource kind, from the message's package: {@code …kernel.apikey} is {@code api_key}. */
    static String resourceType(Class<?> eventType) {
        String pkg = eventType.getPackageName();
        String last = pkg.substring(pkg.lastIndexOf('.') + 1);
        if (last.equals("agent") && eventType.getSimpleName().startsWith("AgentMessage")) {
            return "agent_message";
        }
        if (last.equals("agent") && eventType.getSimpleName().startsWith("Execution")) {
            return "agent_execution";
        }
        if (last.equals("workflow") && !eventType.getSimpleName().matches("Workflow(Created|Revised|Deleted|ScheduleFired)")) {
            return "workflow_execution";
        }
        if (last.equals("automation") && eventType.getSimpleName().equals("AutomationFired")) {
            return "automation_firing";
        }
        if (last.equals("task") && eventType.getSimpleName().startsWith("TaskSession")) {
            return "task_session";
        }
        return switch (last) {
            case "apikey" -> "api_key";
            case "audit" -> "request";
            case "deadletter" -> "dead_letter";
            case "mcp" -> "mcp_server";
            default -> last;
        };
    }
}
