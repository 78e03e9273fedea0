package dev.mercato.identity.federated;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.api.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Verifies an ID token of a configured OpenID issuer (OpenID Connect Core 1.0, 3.1.3.7): a JWS signed
 * RS256 or ES256 with a key the issuer publishes, {@code iss} exactly the issuer, our client id in
 * {@code aud} (and in {@code azp} when there are several audiences), {@code exp} not passed and
 * {@code nbf}/{@code iat} not in the future beyond the allowed clock skew, and a {@code sub}. The
 * {@code email} and {@code email_verified} claims are passed on: whether they are needed is
 * {@link FederatedLoginService}'s decision (to link a first login). Any failure is a 401 that says which
 * check failed; an unreachable issuer is a 503.
 */
@ApplicationScoped
class IdTokenVerifier {

    /** OpenID Connect Core 1.0 §2: a {@code sub} is at most 255 ASCII characters. */
    static final int MAX_SUBJECT = 255;

    private final FederatedIssuers issuers;
    private final IssuerKeys keys;
    private final ObjectMapper json;
    private final Duration skew;
    private final Clock clock = Clock.systemUTC();

    IdTokenVerifier(FederatedIssuers issuers, IssuerKeys keys, ObjectMapper json, FederationConfig config) {
        this.issuers = issuers;
        this.keys = keys;
        this.json = json;
        this.skew = config.clockSkew();
    }

    /** The verified identity in {@code idToken}; {@code requestedIssuer} (name or URL) is optional. */
    Uni<VerifiedIdToken> verify(String idToken, String requestedIssuer) {
        SignedIdToken token = SignedIdToken.parse(idToken, json);
        if (token == null) {
            return rejected("id_token is not a well-formed signed JWT");
        }
        String alg = token.headerText("alg");
        JwsAlgorithm algorithm = JwsAlgorithm.of(alg);
        if (algorithm == null) {
            return rejected("none".equalsIgnoreCase(alg) ? "id_token is not signed (alg none)"
                    : "id_token must be signed with RS256 or ES256");
        }
        if (token.header().has("crit")) {
            return rejected("id_token has critical header parameters that are not supported");
        }
        FederatedIssuer issuer = issuers.select(requestedIssuer, token.claimText("iss"));
        if (issuer == null) {
            return rejected("id_token comes from an issuer that is not configured for federated login");
        }
        return keys.find(issuer, token.headerText("kid"), algorithm)
                .onFailure(IssuerUnavailableException.class).transform(failure -> new ApiException(503,
                        "Identity provider '" + issuer.name() + "' cannot be reached; try again later"))
                .map(key -> {
                    if (key == null) {
                        throw unauthorized("id_token is signed with a key that issuer '" + issuer.name()
                                + "' does not publish");
                    }
                    if (!algorithm.verify(key, token.signingInput(), token.signature())) {
                        throw unauthorized("id_token signature is invalid");
                    }
                    return checkClaims(issuer, token);
                });
    }

    private VerifiedIdToken checkClaims(FederatedIssuer issuer, SignedIdToken token) {
        if (!issuer.issuerUrl().equals(token.claimText("iss"))) {
            throw unauthorized("id_token was not issued by " + issuer.issuerUrl());
        }
        if (!audienceFits(issuer, token)) {
            throw unauthorized("id_token is not meant for this application (aud)");
        }
        long now = clock.instant().getEpochSecond();
        Long expires = token.claimSeconds("exp");
        if (expires == null) {
            throw unauthorized("id_token has no expiry (exp)");
        }
        if (now >= expires + skew.toSeconds()) {
            throw unauthorized("id_token has expired");
        }
        Long notBefore = token.claimSeconds("nbf");
        if (notBefore != null && notBefore > now + skew.toSeconds()) {
            throw unauthorized("id_token is not valid yet (nbf)");
        }
        Long issuedAt = token.claimSeconds("iat");
        if (issuedAt != null && issuedAt > now + skew.toSeconds()) {
            throw unauthorized("id_token is issued in the future (iat)");
        }
        String subject = token.claimText("sub");
        if (subject == null || subject.isEmpty()) {
            throw unauthorized("id_token has no subject (sub)");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw unauthorized("id_token subject (sub) is longer than " + MAX_SUBJECT + " characters");
        }
        String email = token.claimText("email");
        return new VerifiedIdToken(issuer.name(), issuer.issuerUrl(), subject,
                email == null || email.isBlank() ? null : email.strip(),
                emailVerified(token.claims().get("email_verified")));
    }

    /** {@code aud} is a string or an array holding our client id; with several, {@code azp} must be ours. */
    private static boolean audienceFits(FederatedIssuer issuer, SignedIdToken token) {
        JsonNode audience = token.claims().get("aud");
        if (audience != null && audience.isTextual()) {
            return issuer.audience().equals(audience.asText());
        }
        if (audience == null || !audience.isArray()) {
            return false;
        }
        boolean listed = false;
        for (JsonNode entry : audience) {
            listed |= entry.isTextual() && issuer.audience().equals(entry.asText());
        }
        String authorizedParty = token.claimText("azp");
        return listed && (audience.size() == 1 || authorizedParty == null || issuer.audience().equals(authorizedParty));
    }

    /** Only an explicit true counts (Google once sent the string "true"); absent means the issuer does not say. */
    private static boolean emailVerified(JsonNode claim) {
        if (claim == null) {
            return false;
        }
        return claim.isBoolean() ? claim.asBoolean() : claim.isTextual() && "true".equals(claim.asText());
    }

    private static <T> Uni<T> rejected(String message) {
        return Uni.createFrom().failure(unauthorized(message));
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }
}
