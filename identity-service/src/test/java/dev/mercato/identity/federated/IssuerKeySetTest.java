package dev.mercato.identity.federated;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading JWKS documents and checking JWS signatures, without the service around them. */
class IssuerKeySetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsKeysByKidAndAlgorithmAndVerifiesTheirSignatures() throws Exception {
        KeyPair rsa = LocalOpenIdIssuer.generate("RSA", null);
        KeyPair ec = LocalOpenIdIssuer.generate("EC", "secp256r1");
        IssuerKeySet keys = parse("{\"keys\":[" + LocalOpenIdIssuer.rsaJwk("r", (RSAPublicKey) rsa.getPublic()) + ","
                + LocalOpenIdIssuer.ecJwk("e", (ECPublicKey) ec.getPublic()) + "]}");

        assertThat(keys.find("r", JwsAlgorithm.RS256)).isEqualTo(rsa.getPublic());
        assertThat(keys.find("e", JwsAlgorithm.ES256)).isEqualTo(ec.getPublic());
        assertThat(keys.find("r", JwsAlgorithm.ES256)).isNull();
        assertThat(keys.find("unknown", JwsAlgorithm.RS256)).isNull();

        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        assertThat(JwsAlgorithm.RS256.verify(rsa.getPublic(), input, sign("SHA256withRSA", rsa, input))).isTrue();
        assertThat(JwsAlgorithm.ES256.verify(ec.getPublic(), input, sign("SHA256withECDSAinP1363Format", ec, input))).isTrue();
        byte[] other = "header.other".getBytes(StandardCharsets.US_ASCII);
        assertThat(JwsAlgorithm.RS256.verify(rsa.getPublic(), other, sign("SHA256withRSA", rsa, input))).isFalse();
    }

    @Test
    void acceptsATokenWithoutKidOnlyWhenExactlyOneKeyFits() throws Exception {
        KeyPair first = LocalOpenIdIssuer.generate("RSA", null);
        KeyPair second = LocalOpenIdIssuer.generate("RSA", null);
        String one = LocalOpenIdIssuer.rsaJwk("a", (RSAPublicKey) first.getPublic());
        String two = LocalOpenIdIssuer.rsaJwk("b", (RSAPublicKey) second.getPublic());

        assertThat(parse("{\"keys\":[" + one + "]}").find(null, JwsAlgorithm.RS256)).isEqualTo(first.getPublic());
        assertThat(parse("{\"keys\":[" + one + "," + two + "]}").find(null, JwsAlgorithm.RS256)).isNull();
    }

    @Test
    void skipsEncryptionKeysWeakRsaKeysAndOtherCurves() throws Exception {
        KeyPair weak = LocalOpenIdIssuer.generate("RSA", null);
        String encryption = LocalOpenIdIssuer.rsaJwk("enc", (RSAPublicKey) weak.getPublic()).replace("\"use\":\"sig\"", "\"use\":\"enc\"");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String small = LocalOpenIdIssuer.rsaJwk("small", (RSAPublicKey) generator.generateKeyPair().getPublic());
        KeyPair p384 = LocalOpenIdIssuer.generate("EC", "secp384r1");
        String otherCurve = LocalOpenIdIssuer.ecJwk("p384", (ECPublicKey) p384.getPublic()).replace("P-256", "P-384");

        IssuerKeySet keys = parse("{\"keys\":[" + encryption + "," + small + "," + otherCurve + ",{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}");

        assertThat(keys.keys()).isEmpty();
    }

    @Test
    void refusesAnEs256SignatureInDerForm() throws Exception {
        KeyPair ec = LocalOpenIdIssuer.generate("EC", "secp256r1");
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);

        assertThat(JwsAlgorithm.ES256.verify(ec.getPublic(), input, sign("SHA256withECDSA", ec, input))).isFalse();
    }

    @Test
    void acceptsOnlyRs256AndEs256() {
        assertThat(JwsAlgorithm.of("RS256")).isEqualTo(JwsAlgorithm.RS256);
        assertThat(JwsAlgorithm.of("ES256")).isEqualTo(JwsAlgorithm.ES256);
        assertThat(JwsAlgorithm.of("none")).isNull();
        assertThat(JwsAlgorithm.of("HS256")).isNull();
        assertThat(JwsAlgorithm.of("rs256")).isNull();
        assertThat(JwsAlgorithm.of(null)).isNull();
    }

    private static IssuerKeySet parse(String jwks) throws Exception {
        return IssuerKeySet.parse(JSON.readTree(jwks), Instant.now());
    }

    private static byte[] sign(String algorithm, KeyPair pair, byte[] input) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(input);
        return signer.sign();
    }
}
