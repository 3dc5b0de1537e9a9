package io.agentledger.command.identity.auth;

import io.agentledger.command.web.MaxUtf8Bytes;
import io.agentledger.kernel.goal.AutonomyLevel;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

public final class AuthRequests {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final String USERNAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$";

    private AuthRequests() {
    }

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Pattern(regexp = USERNAME_PATTERN,
                    message = "must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String username,
            @NotBlank @Size(min = 12, message = "must be at least 12 characters")
            @MaxUtf8Bytes(AuthRequests.MAX_PASSWORD_BYTES) String password,
            @NotBlank @Size(max = 200) String fullName,
            @Size(max = 200) String invitationToken) {
    }

    /** Log in by {@code email} or by {@code username}. */
    public record LoginRequest(@Size(max = 320) String email, @Size(max = 64) String username,
                               @NotBlank @MaxUtf8Bytes(MAX_PASSWORD_BYTES) String password) {

        @AssertTrue(message = "give either email or username")
        public boolean isEmail() {
            return (email == null || email.isBlank()) != (username == null || username.isBlank());
        }

        String identifier() {
            return email != null && !email.isBlank() ? email : username;
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {
    }

    public enum Theme {
        @com.fasterxml.jackson.annotation.JsonProperty("light") LIGHT,
        @com.fasterxml.jackson.annotation.JsonProperty("dark") DARK,
        @com.fasterxml.jackson.annotation.JsonProperty("system") SYSTEM
    }

    /** Preferences of seeds 000 and 003; fields left out stay as they are. */
    public record PreferencesRequest(
            Theme theme,
            Boolean notifications,
            @Size(max = 50) Map<String, Boolean> notificationSettings,
            AutonomyLevel autonomyLevel,
            Boolean voiceEnabled,
            @Pattern(regexp = "^[a-z]{2,3}(-[A-Z]{2})?$", message = "must be a language tag such as en or en-US")
            String defaultVoiceLanguage) {
    }
}
