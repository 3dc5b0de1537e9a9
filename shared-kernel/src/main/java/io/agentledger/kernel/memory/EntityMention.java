package io.agentledger.kernel.memory;

import java.util.List;

/** Someone or something a document names: a person, organization, project or topic. */
public record EntityMention(String type, String name) {

    public static final List<String> TYPES = List.of("person", "organization", "project", "topic");
}
