package dev.mercato.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.EcKeys;

class Es256SignaturesTest {

    @Test
    void everyProviderProducesSignaturesTheJdkVerifies() throws GeneralSecurityException {
        for (String provider : new String[] {"auto", "jdk"}) {
            Es256Signatures signatures = new Es256Signatures(config(provider));
            KeyPair pair = EcKeys.generate();
            Es256Signatures.Signer signer = signatures.newSigner((ECPrivateKey) pair.getPrivate());
            for (int i = 0; i < 200; i++) {
                byte[] input = ("token " + i).getBytes(StandardCharsets.US_ASCII);
                byte[] jose = signer.sign(input);
                assertThat(jose).hasSize(64);
                Signature verifier = Signature.getInstance(Es256Signatures.JDK_ALGORITHM);
                verifier.initVerify(pair.getPublic());
                verifier.update(input);
                assertThat(verifier.verify(jose)).as(provider + " signature " + i).isTrue();
            }
        }
    }

    @Test
    void convertsDerWithLeadingZerosAndShortComponents() throws GeneralSecurityException {
        byte[] r = new byte[33];
        r[1] = (byte) 0x80; // high bit set: DER adds a zero byte
        byte[] der = new byte[] {0x30, 38, 0x02, 33};
        byte[] withR = concat(der, r);
        byte[] jose = Es256Signatures.derToJose(concat(withR, new byte[] {0x02, 1, 0x05}));
        assertThat(jose[0]).isEqualTo((byte) 0x80);
        assertThat(jose[63]).isEqualTo((byte) 0x05);
        assertThatThrownBy(() -> Es256Signatures.derToJose(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(GeneralSecurityException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static TokenConfig config(String provider) {
        return new TokenConfig() {
            public java.time.Duration accessTokenLifetime() {
                return java.time.Duration.ofHours(1);
            }

            public java.time.Duration refreshTokenLifetime() {
                return java.time.Duration.ofDays(30);
            }

            public java.time.Duration clientCacheTtl() {
                return java.time.Duration.ofSeconds(2);
            }

            public String signingProvider() {
                return provider;
            }

            public java.time.Duration keyRefreshInterval() {
                return java.time.Duration.ofSeconds(30);
            }

            public java.time.Duration keyPublicationLead() {
                return java.time.Duration.ofMinutes(3);
            }
        };
    }
}
