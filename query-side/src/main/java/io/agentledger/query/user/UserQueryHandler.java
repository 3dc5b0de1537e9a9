package io.agentledger.query.user;

import io.agentledger.kernel.user.UserPage;
import io.agentledger.kernel.user.UserQueries.FindUser;
import io.agentledger.kernel.user.UserQueries.FindUserVersion;
import io.agentledger.kernel.user.UserQueries.ListUsers;
import io.agentledger.kernel.user.UserView;
import io.agentledger.projection.user.UserViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class UserQueryHandler {

    private final UserViewRepository users;

    public UserQueryHandler(UserViewRepository users) {
        this.users = users;
    }

    @QueryHandler
    public UserView handle(FindUser query) {
        return users.find(query.userId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindUserVersion query) {
        return users.version(query.userId());
    }

    @QueryHandler
    public UserPage handle(ListUsers query) {
        return users.list(query.tenantId(), query.pageSpec());
    }
}
