package io.agentledger.query.user;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.user.UserPage;
import io.agentledger.kernel.user.UserQueries.FindUser;
import io.agentledger.kernel.user.UserQueries.ListUsers;
import io.agentledger.kernel.user.UserView;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class UserQueryController {

    private final QueryGateway queries;

    public UserQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/auth/me")
    public UserView me(@AuthenticationPrincipal Caller caller) {
        return find(caller.userId(), caller);
    }

    @GetMapping("/api/v1/users")
    @PreAuthorize("hasAuthority('manage:users')")
    public UserPage list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                         @AuthenticationPrincipal Caller caller) {
        return queries.query(new ListUsers(caller.tenantId(), PageParams.of(page, size)), UserPage.class).join();
    }

    @GetMapping("/api/v1/users/{userId}")
    @PreAuthorize("hasAuthority('manage:users')")
    public UserView get(@PathVariable String userId, @AuthenticationPrincipal Caller caller) {
        return find(userId, caller);
    }

    private UserView find(String userId, Caller caller) {
        UserView user = queries.query(new FindUser(userId, caller.tenantId()), UserView.class).join();
        if (user == null) {
            throw DomainException.notFound("User " + userId + " not found");
        }
        return user;
    }
}
