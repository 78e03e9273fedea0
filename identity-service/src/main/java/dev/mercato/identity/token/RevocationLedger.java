package dev.mercato.identity.token;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.token.AccessTokenVerifier.VerifiedToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Answers "was this token revoked?" from identity's own {@code credential_revocation} table. */
@ApplicationScoped
public class RevocationLedger {

    private final Pool pool;

    public RevocationLedger(Pool pool) {
        this.pool = pool;
    }

    /**
     * True when the token itself, its client, its subject, or an organization on its path (since before it
     * was issued) was revoked.
     */
    public Uni<Boolean> revoked(VerifiedToken token) {
        return pool.preparedQuery("""
                select 1 from credential_revocation
                where (kind = 'TOKEN' and value = $1)
                   or (kind = 'CLIENT' and value = $2 and revoked_at >= $4)
                   or (kind = 'SUBJECT' and value = $3 and revoked_at >= $4)
                   or (kind = 'ORGANIZATION' and value = any(string_to_array($5, '/')) and revoked_at >= $4)
                limit 1""")
                .execute(Tuple.of(token.jti(), token.clientId(), token.subject(),
                        OffsetDateTime.ofInstant(token.issuedAt(), ZoneOffset.UTC), token.organizationPath()))
                .map(rows -> rows.size() > 0);
    }
}
