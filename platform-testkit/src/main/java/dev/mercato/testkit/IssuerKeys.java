package dev.mercato.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * The signing key of the {@link TestIssuer} and where it answers, handed from the test resource
 * (which starts the issuer) to the tests (which mint tokens) through JVM system properties: the two
 * sides may be loaded by different class loaders, so no static field is shared between them.
 */
record IssuerKeys(String issuer, String keyId, PrivateKey privateKey) {

    static final String ISSUER_PROPERTY = "mercato.testkit.issuer";
    static final String KEY_ID_PROPERTY = "mercato.testkit.issuer.kid";
    static final String KEY_PROPERTY = "mercato.testkit.issuer.key";

    /** A fresh EC P-256 key pair, for ES256. */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
        }
    }

    static String newKeyId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Makes these keys the ones tests mint with. */
    void publish() {
        System.setProperty(ISSUER_PROPERTY, issuer);
        System.setProperty(KEY_ID_PROPERTY, keyId);
        System.setProperty(KEY_PROPERTY, Base64.getEncoder().encodeToString(privateKey.getEncoded()));
    }

    static void withdraw() {
        System.clearProperty(ISSUER_PROPERTY);
        System.clearProperty(KEY_ID_PROPERTY);
        System.clearProperty(KEY_PROPERTY);
    }

    /** The keys of the issuer running now. */
    static IssuerKeys published() {
        String issuer = System.getProperty(ISSUER_PROPERTY);
        if (issuer == null) {
            throw new IllegalStateException("no TestIssuer runs in this test JVM: tokens can be minted only where"
                    + " MercatoTestResources started one (not with issuer=self)");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(KEY_PROPERTY))));
            return new IssuerKeys(issuer, System.getProperty(KEY_ID_PROPERTY), key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TestIssuer's key cannot be read", e);
        }
    }

    /** {@code key} as a public JWK (RFC 7517) for ES256. */
    static String publicJwk(ECPublicKey key, String keyId) {
        return """
                {"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"%s","x":"%s","y":"%s"}"""
                .formatted(keyId, coordinate(key.getW().getAffineX()), coordinate(key.getW().getAffineY()));
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32]; // unsigned, left-padded to the curve's size
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
