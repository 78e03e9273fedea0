package dev.mercato.identity.credential;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.AuthenticatedClient;
import dev.mercato.identity.token.ClientAuthenticator;
import dev.mercato.identity.token.OAuthException;
import dev.mercato.identity.token.RateLimits;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.identity.token.TokenSubject;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.revocation.RevocationList;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Authenticates applications (token, introspection and revocation endpoints) and API keys
 * ({@code POST /api/v1/auth}): the one place that decides whether a credential may obtain tokens. It must be
 * active, its secret must match (an application's previous secret too, within a rotation overlap), and no
 * organization on its owner path may be suspended. Reads are plain SQL and never write the row, so any number
 * of workers can share one credential.
 *
 * <p>An application is kept in memory for {@code mercato.identity.tokens.client-cache-ttl}, so the token
 * endpoint does not query the database for every token. Changes made on this instance evict the entry at
 * once; a revocation, rotation or organization suspension made on another instance reaches this one on
 * {@code identity.revocations}, and an entry loaded before such a revocation is read again.
 */
@Singleton
public class CredentialDirectory implements ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(CredentialDirectory.class);
    private static final int MAX_ENTRIES = 10_000;
    private static final String COLUMNS = """
            select c.id, c.status, c.secret_hash, c.secret_rotated_at, c.previous_secret_hash, c.previous_secret_expires_at, c.scopes,
                c.role, c.organization_id, c.organization_kind, c.owner_path, c.rate_limit_per_hour,
                c.rate_limit_per_minute,
                exists (select 1 from organization o
                        where o.id = any(string_to_array(c.owner_path, '/')) and o.status = 'SUSPENDED') as suspended
            from credential c
            """;

    private final Pool pool;
    private final SecretHasher hasher;
    private final RevocationList revocations;
    private final Vertx vertx;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public CredentialDirectory(Pool pool, SecretHasher hasher, RevocationList revocations, Vertx vertx,
            TokenConfig config) {
        this.pool = pool;
        this.hasher = hasher;
        this.revocations = revocations;
        this.vertx = vertx;
        this.ttlNanos = config.clientCacheTtl().toNanos();
    }

    @Override
    public Uni<AuthenticatedClient> authenticate(String clientId, String secret) {
        Entry cached = cache.get(clientId);
        boolean fresh = cached != null && System.nanoTime() - cached.loadedNanos < ttlNanos && !revokedSince(cached);
        Uni<Entry> entry = fresh ? Uni.createFrom().item(cached) : loadApplication(clientId);
        return entry.chain(found -> {
            AuthenticatedClient client = verify(found, secret);
            return pastRotationSecond(client, found.rotatedAt);
        });
    }

    /**
     * The client, once the second of its last rotation is over. A rotation revokes the tokens issued up to
     * its instant, and {@code iat} counts whole seconds: a token issued in that same second would look as
     * old as the rotation. Waiting (at most a second, only right after a rotation) keeps every later token valid.
     */
    private Uni<AuthenticatedClient> pastRotationSecond(AuthenticatedClient client, Instant rotatedAt) {
        long wait = rotatedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toEpochMilli() - System.currentTimeMillis();
        if (wait <= 0) {
            return Uni.createFrom().item(client);
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(wait, id -> emitter.complete(client)));
    }

    /**
     * The API key {@code presented} as a client whose tokens may be issued, or null when it is unknown,
     * revoked or its organization is suspended. Records when it was last used (at most once a minute, by a
     * plain update that does not touch the row's version).
     */
    public Uni<AuthenticatedClient> authenticateKey(String presented) {
        Instant asOf = Instant.now();
        return pool.preparedQuery(COLUMNS + "where c.secret_hash = $1 and c.kind = 'API_KEY'")
                .execute(Tuple.of(hasher.hash(presented)))
                .map(rows -> rows.size() == 0 ? null : toEntry(rows.iterator().next(), asOf))
                .chain(entry -> {
                    if (entry == null || !entry.usable()) {
                        return Uni.createFrom().nullItem();
                    }
                    return touch(entry.client.clientId()).replaceWith(entry.client);
                });
    }

    /** Forgets what is cached of {@code clientId}; call after changing the credential. */
    public void evict(String clientId) {
        cache.remove(clientId);
    }

    /** Forgets every cached credential; call after suspending or reactivating an organization. */
    public void evictAll() {
        cache.clear();
    }

    private AuthenticatedClient verify(Entry entry, String secret) {
        if (entry == null) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        boolean current = hasher.matches(secret, entry.secretHash);
        boolean previous = !current && entry.previousSecretHash != null && entry.previousExpiresAt != null
                && Instant.now().isBefore(entry.previousExpiresAt) && hasher.matches(secret, entry.previousSecretHash);
        if (!current && !previous) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        if (entry.status != CredentialStatus.ACTIVE) {
            throw OAuthException.invalidClient("the client has been revoked");
        }
        if (entry.suspended) {
            throw OAuthException.invalidClient("the client's organization is suspended");
        }
        if (!previous) {
            return entry.client;
        }
        AuthenticatedClient client = entry.client;
        return new AuthenticatedClient(client.clientId(), client.subject(), client.scopes(), client.scope(),
                entry.previousExpiresAt);
    }

    /** Whether the deny list holds a revocation of the client or its organizations made since it was loaded. */
    private boolean revokedSince(Entry entry) {
        TokenSubject subject = entry.client.subject();
        return revocations.rejects(null, subject.clientId(), null, subject.organizationPath(), entry.loadedAt);
    }

    private Uni<Entry> loadApplication(String clientId) {
        // Taken before the read: a revocation published while it runs makes the entry stale, and read again.
        Instant asOf = Instant.now();
        return pool.preparedQuery(COLUMNS + "where c.id = $1 and c.kind = 'APPLICATION'")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Entry entry = toEntry(rows.iterator().next(), asOf);
                    if (cache.size() >= MAX_ENTRIES) {
                        cache.clear();
                    }
                    cache.put(clientId, entry);
                    return entry;
                });
    }

    private Uni<Void> touch(String id) {
        Instant now = Instant.now();
        return pool.preparedQuery("""
                update credential set last_used_at = $2
                where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')""")
                .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    // Knowing when a key was last used is worth less than the exchange itself.
                    LOG.warnf("could not record the use of credential %s: %s", id, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private static Entry toEntry(Row row, Instant loadedAt) {
        String id = row.getString("id");
        RateLimits limits = RateLimits.of(row.getInteger("rate_limit_per_hour"), row.getInteger("rate_limit_per_minute"));
        TokenSubject subject = new TokenSubject(id, id, row.getString("organization_id"),
                row.getString("organization_kind"), row.getString("owner_path"), Role.valueOf(row.getString("role")),
                limits);
        String scope = String.join(" ", new TreeSet<>(List.of(row.getString("scopes").split(" "))));
        Set<String> scopes = Set.of(scope.split(" "));
        OffsetDateTime previousExpires = row.getOffsetDateTime("previous_secret_expires_at");
        return new Entry(new AuthenticatedClient(id, subject, scopes, scope, null),
                CredentialStatus.valueOf(row.getString("status")), row.getBoolean("suspended"),
                row.getString("secret_hash"), row.getString("previous_secret_hash"),
                previousExpires == null ? null : previousExpires.toInstant(),
                row.getOffsetDateTime("secret_rotated_at").toInstant(), loadedAt, System.nanoTime());
    }

    private record Entry(AuthenticatedClient client, CredentialStatus status, boolean suspended, String secretHash,
            String previousSecretHash, Instant previousExpiresAt, Instant rotatedAt, Instant loadedAt,
            long loadedNanos) {

        boolean usable() {
            return status == CredentialStatus.ACTIVE && !suspended;
        }
    }
}
