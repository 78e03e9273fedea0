package dev.mercato.identity.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

/**
 * Makes and checks the high-entropy secrets identity hands out once (client secrets, API keys, refresh
 * tokens). They are 256-bit random values, so a keyed hash is as strong as a slow password hash while
 * costing microseconds on the token endpoint: each is stored as HMAC-SHA256 under the server pepper
 * ({@link ServerSecrets}), so a leaked table alone does not let anyone test guesses. Comparison is in
 * constant time.
 */
@Singleton
public class SecretHasher {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec pepper;
    private final SecureRandom random = new SecureRandom();
    // A Mac is not thread-safe and costly to create; one per thread keeps the hot path allocation-light.
    private final ThreadLocal<Mac> macs;

    public SecretHasher(ServerSecrets secrets) {
        this.pepper = new SecretKeySpec(secrets.secretPepper(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A new secret: {@code prefix} followed by 43 base64url characters (32 random bytes). */
    public String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + BASE64URL.encodeToString(bytes);
    }

    /** What is stored for {@code secret}: base64url of its HMAC-SHA256 under the pepper (43 characters). */
    public String hash(String secret) {
        Mac mac = macs.get();
        return BASE64URL.encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code secret} is the one {@code storedHash} was made from; false for nulls. */
    public boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
