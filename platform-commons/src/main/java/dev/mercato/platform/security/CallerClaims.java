package dev.mercato.platform.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;

/**
 * What a verified Mercato access token says about its caller (docs/SECURITY.md "Access token"),
 * read once per request by {@link AccessTokenAugmentor} and kept on the security identity.
 *
 * @param scopes the token's scopes that its role allows: a reader role never gets a write scope
 * @param issuedAt when the token was issued: its {@code iat_ms} (Unix milliseconds) when present and
 *                 consistent with {@code iat}, else the start of its {@code iat} second
 * @param rateLimitPerHour   the token's {@code rate_limit_per_hour}: the hourly allowance its client was
 *                           granted, replacing the configured default; null when absent or not a positive integer
 * @param rateLimitPerMinute the token's {@code rate_limit_per_minute}, the burst allowance, likewise
 */
public record CallerClaims(String subject, String clientId, String organizationId, String organizationKind,
        String organizationPath, Role role, Set<String> scopes, String tokenId, Instant issuedAt,
        Integer rateLimitPerHour, Integer rateLimitPerMinute) {

    /** Between the scopes of the {@code scope} claim (compiled once: it is read on every request). */
    private static final Pattern SPACES = Pattern.compile(" +");

    /** The security identity attribute holding the claims of the current caller. */
    public static final String ATTRIBUTE = "mercato.caller";

    /** The claim identity-service adds next to {@code iat}: the same moment in Unix milliseconds. */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    public CallerClaims {
        scopes = Set.copyOf(scopes);
    }

    /**
     * The claims of {@code token}, or {@link AuthenticationFailedException} (401) when a claim that
     * every Mercato token carries is missing or contradicts another.
     */
    public static CallerClaims from(JsonWebToken token) {
        String subject = required(token, "sub");
        String organizationId = required(token, "org");
        String organizationKind = required(token, "org_kind");
        String organizationPath = required(token, "org_path");
        String tokenId = required(token, "jti");
        Role role = roleOf(required(token, "role"));
        if (!role.organizationKind().equals(organizationKind)) {
            throw invalid("role does not belong to the organization kind");
        }
        if (!organizationPath.equals(organizationId) && !organizationPath.endsWith("/" + organizationId)) {
            throw invalid("organization path does not end with the organization");
        }
        Long issuedAt = number(token.getClaim("iat"));
        if (issuedAt == null) {
            throw invalid("no iat");
        }
        Set<String> scopes = new LinkedHashSet<>();
        String scope = text(token.getClaim("scope"));
        if (scope != null) {
            Arrays.stream(SPACES.split(scope.trim())).filter(role.allowedScopes()::contains).forEach(scopes::add);
        }
        return new CallerClaims(subject, text(token.getClaim("client_id")), organizationId, organizationKind,
                organizationPath, role, scopes, tokenId, issuedAt(issuedAt, number(token.getClaim(ISSUED_AT_MILLIS))),
                allowance(token.getClaim("rate_limit_per_hour")), allowance(token.getClaim("rate_limit_per_minute")));
    }

    /**
     * When a token was issued, as precisely as it says: {@code iatMillis} when it lies within the
     * {@code iatSeconds} second, else (no such claim, or one that contradicts {@code iat}) the start of
     * that second, the earliest moment it can have been issued, so that a revocation in the same
     * second refuses it rather than let it through.
     */
    public static Instant issuedAt(long iatSeconds, Long iatMillis) {
        if (iatMillis != null && Math.floorDiv(iatMillis, 1000) == iatSeconds) {
            return Instant.ofEpochMilli(iatMillis);
        }
        return Instant.ofEpochSecond(iatSeconds);
    }

    // A limit that is not a positive integer is ignored, so the configured default applies.
    private static Integer allowance(Object claim) {
        Long value = number(claim);
        boolean integral = claim instanceof Integer || claim instanceof Long
                || claim instanceof JsonNumber json && json.isIntegral();
        return integral && value > 0 && value <= Integer.MAX_VALUE ? value.intValue() : null;
    }

    private static Role roleOf(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalid("unknown role");
        }
    }

    private static String required(JsonWebToken token, String claim) {
        String value = text(token.getClaim(claim));
        if (value == null || value.isBlank()) {
            throw invalid("no " + claim);
        }
        return value;
    }

    // Custom claims reach us as plain Java values or as JSON-P values, depending on the verifier.
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof JsonString json ? json.getString() : value.toString();
    }

    private static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof JsonNumber json) {
            return json.longValue();
        }
        return null;
    }

    // The reason goes to debug logs only; callers always get the same generic 401.
    private static AuthenticationFailedException invalid(String reason) {
        return new AuthenticationFailedException("access token refused: " + reason);
    }
}
