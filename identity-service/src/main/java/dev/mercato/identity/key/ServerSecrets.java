package dev.mercato.identity.key;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mercato.platform.crypto.ServerKeys;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The two server secrets of identity-service, each base64 of 32 random bytes:
 * {@code mercato.identity.key-encryption-key} (AES-256-GCM key that encrypts private signing keys at rest)
 * and {@code mercato.identity.secret-pepper} (HMAC-SHA256 key under which client secrets, API keys and
 * refresh tokens are stored). In the {@code prod} profile both are required; elsewhere a fixed
 * development value is used, with a loud warning, so that tests and demos need no set-up.
 */
@Singleton
public class ServerSecrets {

    private final byte[] keyEncryptionKey;
    private final byte[] secretPepper;

    public ServerSecrets(@ConfigProperty(name = "mercato.identity.key-encryption-key") Optional<String> keyEncryptionKey,
            @ConfigProperty(name = "mercato.identity.secret-pepper") Optional<String> secretPepper) {
        boolean prod = ConfigUtils.getProfiles().contains("prod");
        this.keyEncryptionKey = resolve("mercato.identity.key-encryption-key", "MERCATO_IDENTITY_KEY_ENCRYPTION_KEY",
                keyEncryptionKey, prod);
        this.secretPepper = resolve("mercato.identity.secret-pepper", "MERCATO_IDENTITY_SECRET_PEPPER",
                secretPepper, prod);
    }

    /** The AES-256 key for private signing keys. */
    public byte[] keyEncryptionKey() {
        return keyEncryptionKey.clone();
    }

    /** The HMAC key for stored secrets. */
    public byte[] secretPepper() {
        return secretPepper.clone();
    }

    static byte[] resolve(String property, String variable, Optional<String> configured, boolean prod) {
        return ServerKeys.resolve(property, variable, configured, prod);
    }
}
