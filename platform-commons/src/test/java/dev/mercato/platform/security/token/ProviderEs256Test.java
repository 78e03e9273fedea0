package dev.mercato.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.conscrypt.Conscrypt;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** The Conscrypt ES256 verifier agrees with the JDK on genuine and forged signatures. */
class ProviderEs256Test {

    private static final byte[] INPUT = "header.payload".getBytes(StandardCharsets.US_ASCII);

    private final ProviderEs256 conscrypt = new ProviderEs256(Conscrypt.newProvider());
    private final KeyPair keys = keyPair();

    @Test
    void passesItsSelfTest() {
        assertThat(Es256Verification.selfTest(conscrypt)).isTrue();
    }

    @Test
    void acceptsWhatTheJdkSignedAndRefusesAnyChange() throws Exception {
        byte[] signature = jdkSign(INPUT);

        assertThat(conscrypt.verifySignature(signature, keys.getPublic(), INPUT, null)).isTrue();
        for (int at : new int[] {0, 31, 32, 63}) {
            byte[] changed = signature.clone();
            changed[at] ^= 0x01;
            assertThat(conscrypt.verifySignature(changed, keys.getPublic(), INPUT, null)).as("byte %d", at).isFalse();
        }
        assertThat(conscrypt.verifySignature(signature, keyPair().getPublic(), INPUT, null)).isFalse();
    }

    @Test
    void refusesSignaturesOfTheWrongShapeOrWithAZeroComponent() throws Exception {
        byte[] signature = jdkSign(INPUT);

        assertThat(conscrypt.verifySignature(new byte[64], keys.getPublic(), INPUT, null)).isFalse();
        assertThat(conscrypt.verifySignature(java.util.Arrays.copyOf(signature, 63), keys.getPublic(), INPUT, null))
                .isFalse();
        assertThat(conscrypt.verifySignature(java.util.Arrays.copyOf(signature, 72), keys.getPublic(), INPUT, null))
                .isFalse();
    }

    @Test
    void verifiesAWholeJwsLikeJose4jsOwnAlgorithm() throws Exception {
        JsonWebSignature signed = new JsonWebSignature();
        signed.setPayload("{\"sub\":\"usr_1\"}");
        signed.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        signed.setKey(keys.getPrivate());
        String compact = signed.getCompactSerialization();
        String[] parts = compact.split("\\.");
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);

        assertThat(conscrypt.verifySignature(signature, keys.getPublic(), input, null)).isTrue();
    }

    private byte[] jdkSign(byte[] input) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(keys.getPrivate());
        signer.update(input);
        return signer.sign();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
