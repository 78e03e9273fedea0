package dev.mercato.platform.security.revocation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.events.CredentialRevokedV1.Kind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code revoked_credential} table: the deny list as it must survive a restart. */
@ApplicationScoped
public class RevokedCredentials {

    private final Pool pool;

    public RevokedCredentials(Pool pool) {
        this.pool = pool;
    }

    /** Stores {@code revocation}; a repeated one only widens the stored window, so replays change nothing. */
    public Uni<Void> save(CredentialRevokedV1 revocation) {
        return pool.preparedQuery("""
                insert into revoked_credential (kind, value, revoked_at, expires_at) values ($1, $2, $3, $4)
                on conflict (kind, value) do update
                set revoked_at = greatest(revoked_credential.revoked_at, excluded.revoked_at),
                    expires_at = greatest(revoked_credential.expires_at, excluded.expires_at)""")
                .execute(Tuple.of(revocation.kind().name(), revocation.value(), utc(revocation.revokedAt()),
                        utc(revocation.expiresAt())))
                .replaceWithVoid();
    }

    /** Every entry that has not expired at {@code now}. */
    public Uni<List<CredentialRevokedV1>> unexpired(Instant now) {
        return pool.preparedQuery(
                "select kind, value, revoked_at, expires_at from revoked_credential where expires_at >= $1")
                .execute(Tuple.of(utc(now)))
                .map(rows -> {
                    List<CredentialRevokedV1> revocations = new ArrayList<>();
                    for (Row row : rows) {
                        revocations.add(new CredentialRevokedV1(Kind.valueOf(row.getString("kind")),
                                row.getString("value"), row.getOffsetDateTime("revoked_at").toInstant(),
                                row.getOffsetDateTime("expires_at").toInstant()));
                    }
                    return revocations;
                });
    }

    /** Deletes the entries that expired before {@code now}; emits how many. */
    public Uni<Integer> deleteExpired(Instant now) {
        return pool.preparedQuery("delete from revoked_credential where expires_at < $1")
                .execute(Tuple.of(utc(now)))
                .map(rows -> rows.rowCount());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
