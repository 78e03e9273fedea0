package dev.mercato.identity.key;

import jakarta.inject.Singleton;

import dev.mercato.platform.crypto.AesGcm;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Encrypts private signing keys at rest with AES-256-GCM ({@link AesGcm}) under
 * {@code mercato.identity.key-encryption-key}. The key id is authenticated data, so a ciphertext moved to another
 * row does not decrypt.
 */
@Singleton
public class KeyEncryption {

    /** What an operator reads when the configured key-encryption key is not the one the database was made with. */
    static final String WRONG_KEY = "identity-service cannot decrypt its signing keys: the database was made with "
            + "another key-encryption key than the configured MERCATO_IDENTITY_KEY_ENCRYPTION_KEY "
            + "(mercato.identity.key-encryption-key); restore that key (for ./mercato: in .mercato/secrets.env), "
            + "or drop the identity database (./mercato reset) to start over.";

    private final AesGcm cipher;

    public KeyEncryption(ServerSecrets secrets) {
        this.cipher = new AesGcm(secrets.keyEncryptionKey());
    }

    public String encrypt(String kid, byte[] plaintext) {
        return cipher.encrypt(kid, plaintext);
    }

    /**
     * @throws ConfigurationException when the stored key was encrypted under another key-encryption key:
     *         its message is the one sentence an operator needs, and it has no cause, so that Quarkus
     *         prints just that sentence, not a stack trace, when start-up fails on it
     */
    public byte[] decrypt(String kid, String stored) {
        try {
            return cipher.decrypt(kid, stored);
        } catch (AesGcm.WrongKeyException e) {
            throw new ConfigurationException(WRONG_KEY);
        }
    }
}
