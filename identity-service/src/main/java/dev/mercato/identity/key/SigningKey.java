package dev.mercato.identity.key;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;

/**
 * One ES256 key as the server holds it in memory.
 *
 * @param privateKey present only for the active key, the one that signs
 * @param jwk        its public JWK as published at {@code /.well-known/jwks.json}
 * @param expiresAt  when a retired key stops being published; {@code null} for the active key
 */
public record SigningKey(String kid, ECPublicKey publicKey, ECPrivateKey privateKey, String jwk, Instant expiresAt) {

    public boolean active() {
        return privateKey != null;
    }
}
