package dev.mercato.identity.key;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** EC P-256 keys: generation, PKCS#8 storage and the JWK form published for ES256. */
public final class EcKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private EcKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    public static ECPrivateKey privateKey(byte[] pkcs8) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key is not an EC key", e);
        }
    }

    public static ECPublicKey publicKey(byte[] x509) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key is not an EC key", e);
        }
    }

    /** {@code {"kty":"EC","crv":"P-256","x":…,"y":…,"kid":…,"alg":"ES256","use":"sig"}}. */
    public static String jwk(String kid, ECPublicKey key) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + coordinate(key.getW().getAffineX())
                + "\",\"y\":\"" + coordinate(key.getW().getAffineY()) + "\",\"kid\":\"" + kid
                + "\",\"alg\":\"ES256\",\"use\":\"sig\"}";
    }

    /** A coordinate as exactly 32 big-endian bytes, base64url (RFC 7518 §6.2.1.2). */
    static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        if (bytes.length > 32) {
            bytes = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        }
        System.arraycopy(bytes, 0, fixed, 32 - bytes.length, bytes.length);
        return BASE64URL.encodeToString(fixed);
    }
}
