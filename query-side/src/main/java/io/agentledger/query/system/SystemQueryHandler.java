package io.agentledger.query.system;

import io.agentledger.kernel.system.ModificationPage;
import io.agentledger.kernel.system.ModificationView;
import io.agentledger.kernel.system.SystemQueries.FindConfigVersion;
import io.agentledger.kernel.system.SystemQueries.FindModification;
import io.agentledger.kernel.system.SystemQueries.ListModifications;
import io.agentledger.projection.system.ModificationViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class SystemQueryHandler {

    private final ModificationViewRepository modifications;

    public SystemQueryHandler(ModificationViewRepository modifications) {
        this.modifications = modifications;
    }

    @QueryHandler
    public Long handle(FindConfigVersion query) {
        return modifications.version(query.tenantId());
    }

    @QueryHandler
    public ModificationView handle(FindModification query) {
        return modifications.find(query.tenantId(), query.modificationId()).orElse(null);
    }

    @QueryHandler
    public ModificationPage handle(ListModifications query) {
        return modifications.list(query);
    }
}
