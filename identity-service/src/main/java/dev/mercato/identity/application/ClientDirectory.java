package dev.mercato.identity.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthException;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.identity.token.TokenSubject;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.revocation.RevocationList;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Authenticates OAuth clients for the token, introspection and revocation endpoints. Credentials are
 * read straight from the table and kept in memory for {@code mercato.identity.tokens.client-cache-ttl},
 * so the token endpoint does not query the database for every token; any change made on this instance
 * (rotation, revocation, scope change) evicts the entry at once, and a revocation made on another
 * instance is refused as soon as it reaches this instance's deny list from {@code identity.revocations}.
 */
@Singleton
public class ClientDirectory {

    private static final int MAX_ENTRIES = 10_000;

    private final Pool pool;
    private final SecretHasher hasher;
    private final RevocationList revocations;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, ClientRecord> cache = new ConcurrentHashMap<>();

    public ClientDirectory(Pool pool, SecretHasher hasher, RevocationList revocations, TokenConfig config) {
        this.pool = pool;
        this.hasher = hasher;
        this.revocations = revocations;
        this.ttlNanos = config.clientCacheTtl().toNanos();
    }

    /** The client, when {@code secret} is its current secret (or its previous one within the overlap) and it is active. */
    public Uni<AuthenticatedClient> authenticate(String clientId, String secret) {
        ClientRecord cached = cache.get(clientId);
        if (cached != null && System.nanoTime() - cached.loadedAt < ttlNanos) {
            return Uni.createFrom().item(() -> verify(cached, secret));
        }
        return load(clientId).map(record -> verify(record, secret));
    }

    /** Forgets what is cached of {@code clientId}; call after changing the application. */
    public void evict(String clientId) {
        cache.remove(clientId);
    }

    private AuthenticatedClient verify(ClientRecord record, String secret) {
        if (record == null) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        boolean current = hasher.matches(secret, record.secretHash);
        boolean previous = !current && record.previousSecretHash != null && record.previousExpiresAt != null
                && Instant.now().isBefore(record.previousExpiresAt) && hasher.matches(secret, record.previousSecretHash);
        if (!current && !previous) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        boolean revoked = record.status != ApplicationStatus.ACTIVE
                || revocations.rejects(null, record.client.clientId(), null, Instant.EPOCH);
        if (revoked) {
            throw OAuthException.invalidClient("the client has been revoked");
        }
        return record.client;
    }

    private Uni<ClientRecord> load(String clientId) {
        return pool.preparedQuery("""
                select client_id, status, secret_hash, previous_secret_hash, previous_secret_expires_at, scopes, role,
                    organization_id, organization_kind, owner_path
                from oauth_application where client_id = $1""")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    ClientRecord record = toRecord(rows.iterator().next());
                    if (cache.size() >= MAX_ENTRIES) {
                        cache.clear();
                    }
                    cache.put(clientId, record);
                    return record;
                });
    }

    private static ClientRecord toRecord(Row row) {
        String clientId = row.getString("client_id");
        TokenSubject subject = new TokenSubject(clientId, clientId, row.getString("organization_id"),
                row.getString("organization_kind"), row.getString("owner_path"), Role.valueOf(row.getString("role")));
        String scope = String.join(" ", new TreeSet<>(List.of(row.getString("scopes").split(" "))));
        Set<String> scopes = Set.of(scope.split(" "));
        OffsetDateTime previousExpires = row.getOffsetDateTime("previous_secret_expires_at");
        return new ClientRecord(new AuthenticatedClient(clientId, subject, scopes, scope),
                ApplicationStatus.valueOf(row.getString("status")), row.getString("secret_hash"),
                row.getString("previous_secret_hash"), previousExpires == null ? null : previousExpires.toInstant(),
                System.nanoTime());
    }

    private record ClientRecord(AuthenticatedClient client, ApplicationStatus status, String secretHash,
            String previousSecretHash, Instant previousExpiresAt, long loadedAt) {
    }
}
