package dev.mercato.identity.federated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Signs ID tokens as {@link LocalOpenIdIssuer} would, and bends them the ways the negative tests need. */
final class TestIdTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestIdTokens() {
    }

    static String issuerUrl(String path) {
        return baseUrl() + "/" + path;
    }

    /** The claims of a good token of issuer {@code /a} for {@code email}, valid for five minutes. */
    static Map<String, Object> claims(String email) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerUrl("a"));
        claims.put("aud", LocalOpenIdIssuer.AUDIENCE);
        claims.put("sub", "ext-" + email.hashCode());
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 300);
        return claims;
    }

    static String rs256(Map<String, Object> claims) {
        return sign("RS256", "rsa-1", rsaKey(), claims);
    }

    static String es256(Map<String, Object> claims) {
        return sign("ES256", "ec-1", ecKey(), claims);
    }

    static String sign(String alg, String kid, PrivateKey key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String signingInput = encode(json(header)) + "." + encode(json(claims));
        try {
            Signature signer = Signature.getInstance("RS256".equals(alg) ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) with the given claims. */
    static String unsigned(Map<String, Object> claims) {
        return encode(json(Map.of("alg", "none"))) + "." + encode(json(claims)) + ".";
    }

    /** Publishes one more key at the local issuer's JWKS, as an issuer rotating keys does. */
    static void publish(String jwk) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/control/keys"))
                    .POST(HttpRequest.BodyPublishers.ofString(jwk)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("key not published: " + response.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often the local issuer served its JWKS. */
    static int jwksFetches() {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/control/stats")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return JSON.readTree(body).path("jwks").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey rsaKey() {
        return privateKey("RSA", "mercato.test.federation.rsa-private-key");
    }

    static PrivateKey ecKey() {
        return privateKey("EC", "mercato.test.federation.ec-private-key");
    }

    private static PrivateKey privateKey(String algorithm, String property) {
        try {
            byte[] encoded = Base64.getDecoder().decode(ConfigProvider.getConfig().getValue(property, String.class));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseUrl() {
        return ConfigProvider.getConfig().getValue("mercato.test.federation.base-url", String.class);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
