package io.agentledger.command.identity.auth;

import io.agentledger.command.identity.auth.AuthRequests.LoginRequest;
import io.agentledger.command.identity.auth.AuthRequests.PreferencesRequest;
import io.agentledger.command.identity.auth.AuthRequests.RefreshRequest;
import io.agentledger.command.identity.auth.AuthRequests.RegisterRequest;
import io.agentledger.command.identity.auth.AuthResponses.RefreshResponse;
import io.agentledger.command.identity.auth.AuthResponses.TokenResponse;
import io.agentledger.command.web.MessageResponse;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.user.UserCommands.ChangeUserPreferences;
import io.agentledger.kernel.user.UserQueries.FindUserVersion;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final AuthService auth;
    private final CommandGateway commands;
    private final ReadModelAwait readModel;

    public AuthController(AuthService auth, CommandGateway commands, ReadModelAwait readModel) {
        this.auth = auth;
        this.commands = commands;
        this.readModel = readModel;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public TokenResponse register(@Valid @RequestBody RegisterRequest body) {
        return TokenResponse.of(auth.register(new AuthService.Registration(body.email().trim(), body.username(),
                body.password(), body.fullName().trim(), body.invitationToken())));
    }

    @PostMapping("/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest body) {
        return TokenResponse.of(auth.login(body.identifier().trim(), body.password()));
    }

    @PostMapping("/refresh")
    public RefreshResponse refresh(@Valid @RequestBody RefreshRequest body) {
        return RefreshResponse.of(auth.refresh(body.refreshToken()));
    }

    @PostMapping("/logout")
    public MessageResponse logout(@AuthenticationPrincipal Caller caller) {
        auth.logout(caller.userId(), caller.sessionId());
        return new MessageResponse("Logged out");
    }

    @PutMapping("/preferences")
    public Map<String, Object> preferences(@Valid @RequestBody PreferencesRequest body,
                                           @AuthenticationPrincipal Caller caller) {
        Map<String, Object> changed = new LinkedHashMap<>();
        putIfSet(changed, "theme", body.theme() == null ? null : body.theme().name().toLowerCase());
        putIfSet(changed, "notifications", body.notifications());
        putIfSet(changed, "notification_settings", body.notificationSettings());
        putIfSet(changed, "autonomy_level", body.autonomyLevel() == null ? null : body.autonomyLevel().name());
        putIfSet(changed, "voice_enabled", body.voiceEnabled());
        putIfSet(changed, "default_voice_language", body.defaultVoiceLanguage());
        long version = commands.sendAndWait(new ChangeUserPreferences(caller.userId(), caller.tenantId(), changed));
        readModel.awaitVersion(new FindUserVersion(caller.userId()), version);
        return Map.of("message", "Preferences updated", "changed", changed);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
