package dev.mercato.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts values kept at rest (signing keys, webhook secrets) with AES-256-GCM under a key from configuration
 * ({@link ServerKeys}). The associated data (typically the row's id) is authenticated, so a ciphertext moved to
 * another row does not decrypt. Stored form: base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag).
 */
public final class AesGcm {

    /** The stored value was encrypted under another key (or with other associated data, or was altered). */
    public static final class WrongKeyException extends RuntimeException {
        WrongKeyException() {
            super("the value cannot be decrypted with the configured key", null, false, false);
        }
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes */
    public AesGcm(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String encrypt(String associatedData, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the value of " + associatedData, e);
        }
    }

    public String encrypt(String associatedData, String plaintext) {
        return encrypt(associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws WrongKeyException when {@code stored} was not encrypted under this key with this associated data (or is
     *         no ciphertext of this form at all)
     */
    public byte[] decrypt(String associatedData, String stored) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new WrongKeyException();
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new WrongKeyException();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the value of " + associatedData + " cannot be decrypted", e);
        }
    }

    public String decryptText(String associatedData, String stored) {
        return new String(decrypt(associatedData, stored), StandardCharsets.UTF_8);
    }
}
