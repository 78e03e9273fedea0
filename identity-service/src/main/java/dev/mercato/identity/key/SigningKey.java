package dev.mercato.identity.key;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;

/**
 * One ES256 key as the server holds it in memory: published from its creation, signing from
 * {@code activatesAt} until a newer key activates.
 *
 * @param privateKey  the decrypted private key
 * @param jwk         its public JWK as published at {@code /.well-known/jwks.json}
 * @param activatesAt from when it signs (unless a newer key has activated since)
 * @param expiresAt   when a retired key stops being published; {@code null} for the newest key
 */
public record SigningKey(String kid, ECPublicKey publicKey, ECPrivateKey privateKey, String jwk, Instant activatesAt,
        Instant expiresAt) {

    /** Whether it may sign at {@code now}, provided no newer key has activated. */
    public boolean activeAt(Instant now) {
        return !activatesAt.isAfter(now);
    }
}
