package io.agentledger.query.voice;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.voice.VoiceCommands;
import io.agentledger.projection.voice.VoiceRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seed 003's voice command history and the caller's settings: each user sees their own. */
@RestController
@PreAuthorize("hasAuthority('read:agents')")
public class VoiceQueryController {

    static final int MAX_SIZE = 100;

    private final VoiceRepository voice;

    public VoiceQueryController(VoiceRepository voice) {
        this.voice = voice;
    }

    @GetMapping("/api/v1/voice/commands")
    public Map<String, Object> commands(@RequestParam(defaultValue = "1") int page,
                                        @RequestParam(defaultValue = "20") int size,
                                        @AuthenticationPrincipal Caller caller) {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("page must be 1 or more and size 1 to " + MAX_SIZE);
        }
        long total = voice.countCommands(caller.tenantId(), caller.userId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("items", voice.commands(caller.tenantId(), caller.userId(), (long) (page - 1) * size, size));
        data.put("total", total);
        data.put("page", page);
        data.put("size", size);
        return Map.of("success", true, "data", data);
    }

    @GetMapping("/api/v1/voice/settings")
    public Map<String, Object> settings(@AuthenticationPrincipal Caller caller) {
        return Map.of("success", true, "data", voice.profile(VoiceCommands.profileOf(caller.userId()),
                caller.tenantId()).map(profile -> (Object) profile.settings()).orElse(Map.of()));
    }
}
