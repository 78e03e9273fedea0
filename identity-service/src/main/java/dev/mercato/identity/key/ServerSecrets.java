package dev.mercato.identity.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(ServerSecrets.class);

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
        Optional<String> value = configured.map(String::strip).filter(text -> !text.isEmpty());
        if (value.isPresent()) {
            return decode(property, variable, value.get());
        }
        if (prod) {
            throw new IllegalStateException(property + " is required in the prod profile: set " + variable
                    + " to base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
        }
        LOG.warnf("!!! %s is not set: using a fixed DEVELOPMENT value that anybody can read in the source. "
                + "Never run like this with real data; set %s (base64 of 32 random bytes). !!!", property, variable);
        return sha256("mercato-development-only:" + property);
    }

    private static byte[] decode(String property, String variable, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " (" + variable + ") is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " (" + variable + ") must decode to 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
