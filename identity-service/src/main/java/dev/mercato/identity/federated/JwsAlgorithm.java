package dev.mercato.identity.federated;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The JWS algorithms an ID token may be signed with. Everything else — {@code none}, the HMAC
 * family (whose "key" would be public), PS/ES384… — is refused before any key is looked at.
 */
enum JwsAlgorithm {

    RS256("SHA256withRSA", "RSA"),
    /** JWS carries ECDSA signatures as R‖S (IEEE P1363), 32 bytes each for P-256, not DER. */
    ES256("SHA256withECDSAinP1363Format", "EC");

    private final String jcaName;
    private final String keyType;

    JwsAlgorithm(String jcaName, String keyType) {
        this.jcaName = jcaName;
        this.keyType = keyType;
    }

    /** The algorithm named by a JOSE header's {@code alg}; null when it is not one we accept. */
    static JwsAlgorithm of(String alg) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(alg)) {
                return algorithm;
            }
        }
        return null;
    }

    /** The JWK {@code kty} of its keys. */
    String keyType() {
        return keyType;
    }

    boolean fits(PublicKey key) {
        return this == RS256 ? key instanceof RSAPublicKey : key instanceof ECPublicKey;
    }

    /** Whether {@code signature} over {@code signingInput} verifies with {@code key}. */
    boolean verify(PublicKey key, byte[] signingInput, byte[] signature) {
        if (!fits(key) || (this == ES256 && signature.length != 64)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
