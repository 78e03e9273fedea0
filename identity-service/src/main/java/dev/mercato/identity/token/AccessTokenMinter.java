package dev.mercato.identity.token;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Singleton;

import dev.mercato.platform.id.Ids;

/**
 * Builds and signs one access token: the claims of docs/SECURITY.md, nothing stored. Besides the
 * standard {@code iat} (whole seconds) every token carries {@code iat_ms}, the same moment in Unix
 * milliseconds, so that a revocation of its subject or client in the same second as a later token
 * does not refuse that later token (the deny list compares at millisecond precision).
 */
@Singleton
public class AccessTokenMinter {

    public static final String AUDIENCE = "mercato";

    private final JwtSigner signer;
    private final IssuerSettings issuer;
    private final long lifetimeSeconds;
    private final Clock clock = Clock.systemUTC();

    public AccessTokenMinter(JwtSigner signer, IssuerSettings issuer, TokenConfig config) {
        this.signer = signer;
        this.issuer = issuer;
        this.lifetimeSeconds = config.accessTokenLifetime().toSeconds();
    }

    /** Lifetime of every access token, in seconds ({@code expires_in}). */
    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /** A new token for {@code subject} with {@code scope} (space-separated). */
    public MintedToken mint(TokenSubject subject, String scope) {
        return mint(subject, scope, null);
    }

    /**
     * As {@link #mint(TokenSubject, String)}, expiring no later than {@code notAfter} when it is given (a token
     * obtained with a secret that stops working then).
     */
    public MintedToken mint(TokenSubject subject, String scope, Instant notAfter) {
        String jti = Ids.next("tok");
        long issuedAtMillis = clock.millis();
        long iat = issuedAtMillis / 1000;
        long exp = iat + lifetimeSeconds;
        if (notAfter != null) {
            exp = Math.max(iat + 1, Math.min(exp, notAfter.getEpochSecond()));
        }
        StringBuilder claims = new StringBuilder(1024).append("{\"iss\":");
        JsonText.quote(claims, issuer.issuer()).append(",\"aud\":\"").append(AUDIENCE).append("\",\"sub\":");
        JsonText.quote(claims, subject.subject()).append(",\"client_id\":");
        JsonText.quote(claims, subject.clientId()).append(",\"org\":");
        JsonText.quote(claims, subject.organizationId()).append(",\"org_kind\":");
        JsonText.quote(claims, subject.organizationKind()).append(",\"org_path\":");
        JsonText.quote(claims, subject.organizationPath()).append(",\"role\":\"").append(subject.role().name())
                .append("\",\"scope\":");
        JsonText.quote(claims, scope).append(",\"jti\":\"").append(jti).append("\",\"iat\":").append(iat)
                .append(",\"iat_ms\":").append(issuedAtMillis)
                .append(",\"exp\":").append(exp);
        RateLimits limits = subject.rateLimits();
        if (limits.perHour() != null) {
            claims.append(",\"rate_limit_per_hour\":").append(limits.perHour().intValue());
        }
        if (limits.perMinute() != null) {
            claims.append(",\"rate_limit_per_minute\":").append(limits.perMinute().intValue());
        }
        claims.append('}');
        return new MintedToken(signer.sign(claims.toString()), jti, Instant.ofEpochMilli(issuedAtMillis),
                Instant.ofEpochSecond(exp));
    }

    /** A signed token and what is remembered of it. */
    public record MintedToken(String token, String jti, Instant issuedAt, Instant expiresAt) {
    }
}
