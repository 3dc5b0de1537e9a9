package io.agentledger.command.credential;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.credential.crypto.CredentialCipher;
import io.agentledger.kernel.credential.CredentialCommands.RecordUse;
import io.agentledger.kernel.credential.SealedValue;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{secret:NAME}}} in tool parameters to the tenant's secret at the moment of use.
 * Each resolution is a recorded use (an event without the value); an expired secret is refused.
 * What comes back from the work is redacted, so a value never travels further than the tool.
 */
@Component
public class SecretReferences {

    static final Pattern REFERENCE = Pattern.compile("\\{\\{secret:(" + CredentialRequests.SECRET_NAME + ")}}");

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final CredentialCipher cipher;
    private final TransactionTemplate ownTransaction;

    public SecretReferences(JdbcTemplate jdbc, CommandGateway commands, CredentialCipher cipher,
                            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.cipher = cipher;
        this.ownTransaction = new TransactionTemplate(transactions);
        // a use stays on record even when the work it was for fails and rolls back
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Who uses the secrets, for what, on behalf of which tenant; {@code correlationId} ties the use to its run. */
    public record Use(String tenantId, String actor, String purpose, String correlationId) {
    }

    public Resolved resolve(Use use, Map<String, Object> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) substitute(parameters, name ->
                values.computeIfAbsent(name, n -> valueOf(use, n)));
        return new Resolved(resolved, values);
    }

    /** One secret's value, its use recorded; unknown → 404, expired → 409. */
    public String valueOf(Use use, String name) {
        String credentialId = idOf(use.tenantId(), name)
                .orElseThrow(() -> DomainException.notFound("Secret " + name + " not found"));
        Map<String, Object> metadata = Map.of(AuditMetadata.USER_ID, use.actor(),
                AuditMetadata.TENANT_ID, use.tenantId(), AuditMetadata.CORRELATION_ID, use.correlationId());
        try {
            SealedValue sealed = ownTransaction.execute(status -> commands.sendAndWait(GenericCommandMessage
                    .asCommandMessage(new RecordUse(credentialId, use.tenantId(), use.actor(), use.purpose()))
                    .andMetaData(metadata)));
            return cipher.open(sealed);
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().orElse(null) instanceof BusinessError error) {
                throw new DomainException(error.code(), error.detail());
            }
            throw refused;
        }
    }

    /** The credential holding the tenant's secret of that name. */
    public java.util.Optional<String> idOf(String tenantId, String name) {
        return jdbc.queryForList("SELECT credential_id FROM secret_name WHERE tenant_id = ? AND name = ?",
                String.class, tenantId, name).stream().findFirst();
    }

    /** Parameters with their secrets in place, and the means to take them out again. */
    public static final class Resolved {

        private final Map<String, Object> parameters;
        private final Map<String, String> values;

        private Resolved(Map<String, Object> parameters, Map<String, String> values) {
            this.parameters = parameters;
            this.values = values;
        }

        public Map<String, Object> parameters() {
            return parameters;
        }

        /** {@code data} with every resolved value put back as its reference. */
        public Object redact(Object data) {
            return values.isEmpty() ? data : walk(data, this::redactText);
        }

        public String redactText(String text) {
            String redacted = text;
            for (Map.Entry<String, String> secret : values.entrySet()) {
                redacted = redacted.replace(secret.getValue(), "{{secret:" + secret.getKey() + "}}");
            }
            return redacted;
        }
    }

    private static Object substitute(Object data, java.util.function.UnaryOperator<String> valueOfName) {
        return walk(data, text -> {
            Matcher matcher = REFERENCE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(valueOfName.apply(matcher.group(1))));
            }
            return matcher.appendTail(out).toString();
        });
    }

    private static Object walk(Object data, java.util.function.UnaryOperator<String> onText) {
        if (data instanceof String text) {
            return onText.apply(text);
        }
        if (data instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, walk(value, onText)));
            return copy;
        }
        if (data instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(walk(item, onText)));
            return copy;
        }
        return data;
    }
}
