package dev.mercato.identity.key;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.mercato.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code signing_key} table: the published keys, the first key, and rotation. A rotated-in key is
 * published at once but signs only from its {@code activates_at}; the keys it replaces keep signing until
 * then and stay published until every token they signed has expired.
 */
@ApplicationScoped
public class SigningKeyStore {

    private final Pool pool;
    private final KeyEncryption encryption;

    public SigningKeyStore(Pool pool, KeyEncryption encryption) {
        this.pool = pool;
        this.encryption = encryption;
    }

    /** The newest key and every retired key not yet expired, newest first. */
    public Uni<List<SigningKey>> published() {
        return pool.preparedQuery("""
                select kid, status, public_key, public_jwk, private_key_encrypted, activates_at, expires_at
                from signing_key where status = 'ACTIVE' or expires_at > now() order by activates_at desc""")
                .execute()
                .map(rows -> {
                    List<SigningKey> keys = new ArrayList<>();
                    for (Row row : rows) {
                        keys.add(toKey(row));
                    }
                    return keys;
                });
    }

    /**
     * Creates a key that signs at once unless one exists (another instance may create it at the same
     * moment). Only for the very first key: no token exists yet, so no verifier can be surprised by it.
     */
    public Uni<Void> createActiveIfNone() {
        NewKey key = newKey();
        return pool.preparedQuery("""
                insert into signing_key
                    (kid, algorithm, status, public_key, public_jwk, private_key_encrypted, created_at, activates_at)
                values ($1, 'ES256', 'ACTIVE', $2, $3, $4, now(), now()) on conflict do nothing""")
                .execute(Tuple.of(key.kid, key.publicKey, key.jwk, key.privateKey))
                .replaceWithVoid();
    }

    /**
     * Publishes a new key that signs from {@code activatesAt}, inside the caller's transaction. Every key
     * published now is retired at that moment and stays published until {@code retiredUntil} (a key that a
     * pending rotation would have activated included: the one signing now keeps signing until the new one
     * takes over).
     *
     * @return the new key's id
     */
    public Uni<String> rotate(Mutiny.Session session, Instant activatesAt, Instant retiredUntil) {
        NewKey key = newKey();
        return session.createNativeQuery("""
                update signing_key set status = 'RETIRED', retired_at = coalesce(retired_at, :activates),
                    expires_at = greatest(expires_at, :until)
                where status = 'ACTIVE' or expires_at > now()""")
                .setParameter("activates", activatesAt)
                .setParameter("until", retiredUntil)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                        insert into signing_key (kid, algorithm, status, public_key, public_jwk,
                            private_key_encrypted, created_at, activates_at)
                        values (:kid, 'ES256', 'ACTIVE', :publicKey, :jwk, :privateKey, now(), :activates)""")
                        .setParameter("activates", activatesAt)
                        .setParameter("kid", key.kid)
                        .setParameter("publicKey", key.publicKey)
                        .setParameter("jwk", key.jwk)
                        .setParameter("privateKey", key.privateKey)
                        .executeUpdate())
                .replaceWith(key.kid);
    }

    private NewKey newKey() {
        String kid = Ids.next("kid");
        KeyPair pair = EcKeys.generate();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        return new NewKey(kid, Base64.getEncoder().encodeToString(publicKey.getEncoded()), EcKeys.jwk(kid, publicKey),
                encryption.encrypt(kid, pair.getPrivate().getEncoded()));
    }

    private SigningKey toKey(Row row) {
        String kid = row.getString("kid");
        ECPublicKey publicKey = EcKeys.publicKey(Base64.getDecoder().decode(row.getString("public_key")));
        OffsetDateTime expires = row.getOffsetDateTime("expires_at");
        return new SigningKey(kid, publicKey,
                EcKeys.privateKey(encryption.decrypt(kid, row.getString("private_key_encrypted"))),
                row.getString("public_jwk"), row.getOffsetDateTime("activates_at").toInstant(),
                expires == null ? null : expires.withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }

    private record NewKey(String kid, String publicKey, String jwk, String privateKey) {
    }
}
