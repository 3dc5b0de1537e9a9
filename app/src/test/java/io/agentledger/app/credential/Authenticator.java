package io.agentledger.app.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/** An emulated WebAuthn authenticator (webauthn4j-test) in a browser at {@code origin}. */
public final class Authenticator {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final ClientPlatform platform;

    public Authenticator(String origin) {
        platform = new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(new PackedAuthenticator()));
    }

    void moveTo(String origin) {
        platform.setOrigin(new Origin(origin));
    }

    /** The setup request answering the server's registration options. */
    public Map<String, Object> register(JsonNode options) {
        PublicKeyCredentialCreationOptions creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(options.path("rp").path("id").asText(),
                        options.path("rp").path("name").asText()),
                new PublicKeyCredentialUserEntity(URL_DECODER.decode(options.path("user").path("id").asText()),
                        options.path("user").path("name").asText(), options.path("user").path("display_name").asText()),
                new DefaultChallenge(URL_DECODER.decode(options.path("challenge").asText())),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                        COSEAlgorithmIdentifier.ES256)), 60_000L, List.of(), new AuthenticatorSelectionCriteria(null,
                        ResidentKeyRequirement.DISCOURAGED, UserVerificationRequirement.DISCOURAGED),
                AttestationConveyancePreference.NONE,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = platform.create(creation);
        return Map.of("client_data_json", URL.encodeToString(credential.getResponse().getClientDataJSON()),
                "attestation_object", URL.encodeToString(credential.getResponse().getAttestationObject()));
    }

    /** The verify request answering the server's assertion options. */
    Map<String, Object> assertion(JsonNode options) {
        List<PublicKeyCredentialDescriptor> allowed = new java.util.ArrayList<>();
        options.path("allow_credentials").forEach(c -> allowed.add(new PublicKeyCredentialDescriptor(
                PublicKeyCredentialType.PUBLIC_KEY, URL_DECODER.decode(c.path("id").asText()), null)));
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential = platform.get(
                new PublicKeyCredentialRequestOptions(new DefaultChallenge(URL_DECODER.decode(
                        options.path("challenge").asText())), 60_000L, options.path("rp_id").asText(), allowed,
                        UserVerificationRequirement.DISCOURAGED, null));
        return Map.of("credential_id", URL.encodeToString(credential.getRawId()),
                "client_data_json", URL.encodeToString(credential.getResponse().getClientDataJSON()),
                "authenticator_data", URL.encodeToString(credential.getResponse().getAuthenticatorData()),
                "signature", URL.encodeToString(credential.getResponse().getSignature()));
    }
}
