package io.agentledger.command.agent.build;

/** A package that cannot be built; the message is the reason the build log and the version show. */
public class PackageRejected extends Exception {

    public PackageRejected(String reason) {
        super(reason);
    }
}
