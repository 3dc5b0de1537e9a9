package io.agentledger.command.run.tool;

import io.agentledger.command.credential.SecretReferences;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A tool whose parameters may name secrets: they are resolved only as it runs, and its effects,
 * result and failure carry the references again, never the values.
 */
public final class SecretResolvingTool implements Tool {

    private final Tool tool;
    private final SecretReferences secrets;
    private final SecretReferences.Use use;

    public SecretResolvingTool(Tool tool, SecretReferences secrets, SecretReferences.Use use) {
        this.tool = tool;
        this.secrets = secrets;
        this.use = use;
    }

    @Override
    public String name() {
        return tool.name();
    }

    @Override
    public String description() {
        return tool.description();
    }

    @Override
    public ToolKind kind() {
        return tool.kind();
    }

    @Override
    public BigDecimal estimatedCost() {
        return tool.estimatedCost();
    }

    @Override
    public Map<String, String> parameters() {
        return tool.parameters();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> execute(Map<String, Object> parameters, ToolEffects effects) {
        SecretReferences.Resolved resolved = secrets.resolve(use, parameters);
        try {
            Map<String, Object> result = tool.execute(resolved.parameters(), (channel, payload) ->
                    effects.record(channel, (Map<String, Object>) resolved.redact(payload)));
            return (Map<String, Object>) resolved.redact(result);
        } catch (RuntimeException failure) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            throw new ToolFailure(resolved.redactText(message));
        }
    }

    /** A tool's failure, told without the secrets it was given. */
    public static final class ToolFailure extends RuntimeException {
        ToolFailure(String message) {
            super(message, null, false, false);
        }
    }
}
