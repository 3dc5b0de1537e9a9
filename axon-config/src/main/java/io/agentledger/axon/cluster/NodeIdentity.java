package io.agentledger.axon.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * This service instance's name in the cluster: the owner of its processor segment claims, work-queue
 * leases and deadline executions. {@code agentledger.node.id} ({@code NODE_ID}) when set, else the host
 * name, the process id and a random suffix, so that two instances never share one by accident.
 */
@Component
public class NodeIdentity {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    private final String id;

    public NodeIdentity(@Value("${agentledger.node.id:}") String configured) {
        if (configured.isBlank()) {
            this.id = generated();
        } else if (VALID.matcher(configured).matches()) {
            this.id = configured;
        } else {
            throw new IllegalArgumentException("agentledger.node.id (NODE_ID) must be 1 to 80 letters, digits, "
                    + "'.', '_' or '-'");
        }
    }

    public String id() {
        return id;
    }

    private static String generated() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("node")
                .replaceAll("[^A-Za-z0-9._-]", "-");
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        String name = host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
        return name.length() <= 80 ? name : name.substring(name.length() - 80);
    }
}
