package io.agentledger.command.memory;

import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Seed 000's memory upsert, and removal of a document from memory and every index. */
@RestController
@RequestMapping("/api/v1/memory")
@PreAuthorize("hasAuthority('write:memory')")
public class MemoryCommandController {

    private final MemoryService memory;

    public MemoryCommandController(MemoryService memory) {
        this.memory = memory;
    }

    @PostMapping("/upsert")
    public Map<String, Object> upsert(@Valid @RequestBody UpsertRequest body, @AuthenticationPrincipal Caller caller) {
        MemoryService.Outcome outcome = memory.upsert(caller, body);
        return Map.of("document_id", outcome.documentId(), "changed", outcome.changed(), "message",
                outcome.changed() ? "Document indexed successfully" : "Document unchanged: same hash");
    }

    @DeleteMapping("/documents/{documentId}")
    public Map<String, Object> delete(@PathVariable String documentId, @AuthenticationPrincipal Caller caller) {
        memory.delete(caller, documentId);
        return Map.of("document_id", documentId, "message", "Document deleted from memory");
    }
}
