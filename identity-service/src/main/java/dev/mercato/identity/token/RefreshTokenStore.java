package dev.mercato.identity.token;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.mercato.identity.token.AccessTokenMinter.MintedToken;
import dev.mercato.platform.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The {@code refresh_token} table. Every method runs in the caller's transaction (Panache session), so
 * that spending a token, adding its successor and publishing revocations commit together.
 */
@ApplicationScoped
public class RefreshTokenStore {

    /** Adds a refresh token (by hash) to {@code familyId}, remembering the access token issued with it. */
    public Uni<Void> insert(String tokenHash, String familyId, TokenSubject subject, String scope, MintedToken access,
            Instant expiresAt) {
        return session().chain(session -> session.createNativeQuery("""
                insert into refresh_token (token_hash, family_id, subject, client_id, organization_id, organization_kind,
                    organization_path, role, scope, access_jti, access_expires_at, issued_at, expires_at,
                    rate_limit_per_hour, rate_limit_per_minute)
                values (:hash, :family, :subject, :client, :org, :kind, :path, :role, :scope, :jti, :accessExpires,
                    :issued, :expires, cast(:perHour as integer), cast(:perMinute as integer))""")
                .setParameter("hash", tokenHash)
                .setParameter("family", familyId)
                .setParameter("subject", subject.subject())
                .setParameter("client", subject.clientId())
                .setParameter("org", subject.organizationId())
                .setParameter("kind", subject.organizationKind())
                .setParameter("path", subject.organizationPath())
                .setParameter("role", subject.role().name())
                .setParameter("scope", scope)
                .setParameter("jti", access.jti())
                .setParameter("accessExpires", access.expiresAt())
                .setParameter("issued", access.issuedAt())
                .setParameter("expires", expiresAt)
                .setParameter("perHour", subject.rateLimits().perHour())
                .setParameter("perMinute", subject.rateLimits().perMinute())
                .executeUpdate()
                .replaceWithVoid());
    }

    /** The stored token with this hash, or null. */
    public Uni<StoredRefreshToken> find(String tokenHash) {
        return session().chain(session -> session.createNativeQuery("""
                select family_id, subject, client_id, organization_id, organization_kind, organization_path, role, scope,
                    spent_at is not null, revoked_at is not null or expires_at <= now(), rate_limit_per_hour,
                    rate_limit_per_minute
                from refresh_token where token_hash = :hash""", Object[].class)
                .setParameter("hash", tokenHash)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : toStored(rows.get(0))));
    }

    /** Marks the token spent; false when it was already spent (a concurrent use won) or revoked. */
    public Uni<Boolean> spend(String tokenHash) {
        return session().chain(session -> session.createNativeQuery("""
                update refresh_token set spent_at = now()
                where token_hash = :hash and spent_at is null and revoked_at is null and expires_at > now()""")
                .setParameter("hash", tokenHash)
                .executeUpdate()
                .map(updated -> updated == 1));
    }

    /** Revokes every token of a family; returns the access tokens issued with them that have not expired. */
    public Uni<List<LiveAccessToken>> revokeFamily(String familyId) {
        return revokeWhere("family_id = :value", familyId);
    }

    /** Revokes every refresh token of an application or API key. */
    public Uni<List<LiveAccessToken>> revokeClient(String clientId) {
        return revokeWhere("client_id = :value", clientId);
    }

    /**
     * Revokes every refresh token of an organization and its subtree: those whose organization path holds
     * {@code organizationId}. A rare operation (a suspension), so a scan is acceptable.
     */
    public Uni<List<LiveAccessToken>> revokeOrganization(String organizationId) {
        return revokeWhere(":value = any(string_to_array(organization_path, '/'))", organizationId);
    }

    /** Revokes every refresh token of a subject (user, application, API key). */
    public Uni<List<LiveAccessToken>> revokeSubject(String subject) {
        return revokeWhere("subject = :value", subject);
    }

    private Uni<List<LiveAccessToken>> revokeWhere(String condition, String value) {
        return session().chain(session -> session.createNativeQuery(
                "update refresh_token set revoked_at = now() where revoked_at is null and " + condition)
                .setParameter("value", value)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select access_jti,"
                        + " cast(extract(epoch from access_expires_at) as bigint) from refresh_token"
                        + " where access_expires_at > now() and " + condition, Object[].class)
                        .setParameter("value", value)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new LiveAccessToken((String) row[0],
                                Instant.ofEpochSecond(((Number) row[1]).longValue())))
                        .toList()));
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    private static StoredRefreshToken toStored(Object[] row) {
        TokenSubject subject = new TokenSubject((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], Role.valueOf((String) row[6]),
                RateLimits.of(integer(row[10]), integer(row[11])));
        return new StoredRefreshToken((String) row[0], subject, (String) row[7], (Boolean) row[8], (Boolean) row[9]);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /**
     * A stored refresh token.
     *
     * @param spent whether it was used already
     * @param dead  whether it was revoked or has expired
     */
    public record StoredRefreshToken(String familyId, TokenSubject subject, String scope, boolean spent, boolean dead) {
    }

    /** An access token issued with a refresh token, still within its lifetime. */
    public record LiveAccessToken(String jti, Instant expiresAt) {
    }
}
