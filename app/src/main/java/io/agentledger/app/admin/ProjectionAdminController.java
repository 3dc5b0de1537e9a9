package io.agentledger.app.admin;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Projections: where each stands (position, head, lag) and their rebuild by replay. Admins only. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@PreAuthorize("hasAuthority('manage:users')")
public class ProjectionAdminController {

    private final ProjectionAdmin projections;

    public ProjectionAdminController(ProjectionAdmin projections) {
        this.projections = projections;
    }

    @GetMapping
    public Map<String, List<Map<String, Object>>> list() {
        return Map.of("items", projections.all());
    }

    @GetMapping("/{name}")
    public Map<String, Object> get(@PathVariable String name) {
        return projections.one(name);
    }

    /** Starts the rebuild and answers at once; GET shows its progress. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> replay(@PathVariable String name) {
        return projections.replay(name);
    }
}
