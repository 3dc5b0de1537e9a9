package io.agentledger.query.system;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.ModificationPage;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.ModificationView;
import io.agentledger.kernel.system.Setting;
import io.agentledger.kernel.system.SettingsSchema;
import io.agentledger.kernel.system.SystemCommands;
import io.agentledger.kernel.system.SystemQueries.FindModification;
import io.agentledger.kernel.system.SystemQueries.ListModifications;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The tenant's configuration (now or as it was) and its modification history, or with
 * {@code scope=platform} the platform's, which every tenant inherits; for admins and auditors.
 */
@RestController
@RequestMapping("/api/v1/system")
@PreAuthorize("hasAuthority('read:system')")
public class SystemQueryController {

    private final QueryGateway queries;
    private final ConfigurationAt configuration;

    public SystemQueryController(QueryGateway queries, ConfigurationAt configuration) {
        this.queries = queries;
        this.configuration = configuration;
    }

    @GetMapping("/config")
    public Map<String, Object> config(@RequestParam(name = "as_of", required = false) Instant asOf,
                                      @RequestParam(required = false) String scope,
                                      @AuthenticationPrincipal Caller caller) {
        return configuration.of(SystemCommands.ownerFor(scope, caller.tenantId()), asOf);
    }

    @GetMapping("/config/schema")
    public List<Setting> schema() {
        return SettingsSchema.ordered();
    }

    @GetMapping("/modifications")
    public ModificationPage modifications(@RequestParam(required = false) ModificationType type,
                                          @RequestParam(name = "applied_by", required = false) String appliedBy,
                                          @RequestParam(name = "date_from", required = false) Instant dateFrom,
                                          @RequestParam(name = "date_to", required = false) Instant dateTo,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          @RequestParam(required = false) String scope,
                                          @AuthenticationPrincipal Caller caller) {
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw DomainException.invalid("date_from must not be after date_to");
        }
        return queries.query(new ListModifications(SystemCommands.ownerFor(scope, caller.tenantId()), type, appliedBy == null || appliedBy.isBlank()
                ? null : appliedBy, dateFrom, dateTo, PageParams.of(page, size)), ModificationPage.class).join();
    }

    @GetMapping("/modifications/{modificationId}")
    public ModificationView modification(@PathVariable String modificationId,
                                         @RequestParam(required = false) String scope,
                                         @AuthenticationPrincipal Caller caller) {
        ModificationView view = queries.query(new FindModification(SystemCommands.ownerFor(scope, caller.tenantId()),
                modificationId),
                ModificationView.class).join();
        if (view == null) {
            throw DomainException.notFound("Modification " + modificationId + " not found");
        }
        return view;
    }
}
