package dev.mercato.webhook.endpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import dev.mercato.platform.crypto.AesGcm;
import dev.mercato.platform.crypto.ServerKeys;
import dev.mercato.webhook.WebhookConfig;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Keeps endpoint secrets encrypted at rest: AES-256-GCM ({@link AesGcm}) under
 * {@code mercato.webhooks.secret-encryption-key}, the endpoint id as associated data (a ciphertext copied to another
 * endpoint does not decrypt). The column never holds a secret as issued; the engine decrypts when it signs.
 */
@Singleton
public class SecretEncryption {

    static final String PROPERTY = "mercato.webhooks.secret-encryption-key";
    static final String VARIABLE = "MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY";
    private static final int CACHE_LIMIT = 10_000;

    private final AesGcm cipher;
    /** Decrypted secrets by endpoint and ciphertext: signing does not decrypt per delivery. */
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    public SecretEncryption(WebhookConfig config) {
        this.cipher = new AesGcm(key(config));
    }

    /** The configured key (a development value outside prod). */
    public static byte[] key(WebhookConfig config) {
        return ServerKeys.resolve(PROPERTY, VARIABLE, config.secretEncryptionKey(),
                ConfigUtils.getProfiles().contains("prod"));
    }

    /** What is stored for {@code secret} of endpoint {@code endpointId}. */
    public String seal(String endpointId, String secret) {
        return cipher.encrypt(endpointId, secret);
    }

    /** The secret stored as {@code sealed} for endpoint {@code endpointId}, or null for null. */
    public String open(String endpointId, String sealed) {
        if (sealed == null) {
            return null;
        }
        String cacheKey = endpointId + ' ' + sealed;
        String secret = opened.get(cacheKey);
        if (secret == null) {
            secret = cipher.decryptText(endpointId, sealed);
            if (opened.size() >= CACHE_LIMIT) {
                opened.clear();
            }
            opened.put(cacheKey, secret);
        }
        return secret;
    }
}
