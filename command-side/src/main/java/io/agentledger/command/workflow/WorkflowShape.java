package io.agentledger.command.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowEdge;
import io.agentledger.kernel.workflow.WorkflowNode;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every saved definition must be, whatever its validity to run (that is {@code /validate}'s, and a
 * run's): a name, bounded sizes, and node and edge ids that are present, sane and unique.
 */
final class WorkflowShape {

    static final int MAX_NODES = 200;
    static final int MAX_EDGES = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:-]{1,100}");

    private WorkflowShape() {
    }

    static void check(String name, WorkflowDefinition definition) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("A workflow needs a name");
        }
        if (definition == null) {
            return;
        }
        if (definition.nodes().size() > MAX_NODES || definition.edges().size() > MAX_EDGES) {
            throw DomainException.invalid("A workflow has at most " + MAX_NODES + " nodes and " + MAX_EDGES + " edges");
        }
        Set<String> nodes = new HashSet<>();
        for (WorkflowNode node : definition.nodes()) {
            if (node.id() == null || !ID.matcher(node.id()).matches()) {
                throw DomainException.invalid("Node id " + node.id() + " must be 1 to 100 letters, digits or _:-");
            }
            if (!nodes.add(node.id())) {
                throw DomainException.invalid("Node id " + node.id() + " is used twice");
            }
            if (node.type() == null || node.type().isBlank()) {
                throw DomainException.invalid("Node " + node.id() + " has no type");
            }
        }
        Set<String> edges = new HashSet<>();
        for (WorkflowEdge edge : definition.edges()) {
            if (edge.id() == null || !ID.matcher(edge.id()).matches() || !edges.add(edge.id())) {
                throw DomainException.invalid("Edge id " + edge.id() + " is missing, malformed or used twice");
            }
        }
    }
}
