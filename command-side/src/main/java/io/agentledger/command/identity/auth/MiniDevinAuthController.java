package io.agentledger.command.identity.auth;

import io.agentledger.command.web.MaxUtf8Bytes;
import io.agentledger.kernel.id.Digests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 002's own sign-up and sign-in ({@code /api/auth/register}, {@code /api/auth/login}): its register
 * sends {@code {email, password, name}}; the username it does not send is made from the e-mail address
 * (its local part and a digest of the whole, so two addresses never share one). Same accounts, same rules.
 */
@RestController
public class MiniDevinAuthController {

    private final AuthService auth;

    public MiniDevinAuthController(AuthService auth) {
        this.auth = auth;
    }

    public record MiniDevinRegistration(@NotBlank @Email @Size(max = 320) String email,
                                        @NotBlank @Size(min = 12, message = "must be at least 12 characters")
                                        @MaxUtf8Bytes(AuthRequests.MAX_PASSWORD_BYTES) String password,
                                        @Size(max = 200) String name, @Size(max = 100) String defaultModel) {
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> register(@Valid @RequestBody MiniDevinRegistration body) {
        String email = body.email().trim();
        String name = body.name() == null || body.name().isBlank() ? email.substring(0, email.indexOf('@'))
                : body.name().trim();
        AuthService.IssuedTokens tokens = auth.register(new AuthService.Registration(email, username(email),
                body.password(), name, null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", tokens.user().userId());
        answer.put("email", tokens.user().email());
        answer.put("name", tokens.user().fullName());
        answer.put("created_at", Instant.now());
        answer.put("access_token", tokens.accessToken());
        answer.put("token_type", "bearer");
        answer.put("expires_in", tokens.expiresIn());
        return answer;
    }

    @PostMapping("/api/auth/login")
    public Map<String, Object> login(@Valid @RequestBody AuthRequests.LoginRequest body) {
        AuthService.IssuedTokens tokens = auth.login(body.identifier().trim(), body.password());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.accessToken());
        answer.put("token_type", "bearer");
        answer.put("expires_in", tokens.expiresIn());
        answer.put("refresh_token", tokens.refreshToken());
        return answer;
    }

    static String username(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (local.length() > 20) {
            local = local.substring(0, 20);
        }
        return (local.isEmpty() ? "user" : local) + "-" + Digests.sha256(email.toLowerCase(Locale.ROOT), 8);
    }
}
