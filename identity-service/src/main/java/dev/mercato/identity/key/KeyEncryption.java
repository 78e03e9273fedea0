package dev.mercato.identity.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Encrypts private signing keys at rest with AES-256-GCM under {@code mercato.identity.key-encryption-key}.
 * The key id is authenticated data, so a ciphertext moved to another row does not decrypt.
 * Stored form: base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag).
 */
@Singleton
public class KeyEncryption {

    /** What an operator reads when the configured key-encryption key is not the one the database was made with. */
    static final String WRONG_KEY = "identity-service cannot decrypt its signing keys: the database was made with "
            + "another key-encryption key than the configured MERCATO_IDENTITY_KEY_ENCRYPTION_KEY "
            + "(mercato.identity.key-encryption-key); restore that key (for ./mercato: in .mercato/secrets.env), "
            + "or drop the identity database (./mercato reset) to start over.";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryption(ServerSecrets secrets) {
        this.key = new SecretKeySpec(secrets.keyEncryptionKey(), "AES");
    }

    public String encrypt(String kid, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + kid, e);
        }
    }

    /**
     * @throws ConfigurationException when the stored key was encrypted under another key-encryption key:
     *         its message is the one sentence an operator needs, and it has no cause, so that Quarkus
     *         prints just that sentence, not a stack trace, when start-up fails on it
     */
    public byte[] decrypt(String kid, String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new ConfigurationException(WRONG_KEY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " cannot be decrypted", e);
        }
    }
}
