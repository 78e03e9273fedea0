package dev.mercato.identity.federated;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID issuer for the tests, in the test JVM: a JDK HTTP server on a random loopback port
 * serving, for two issuers ({@code /a} and {@code /b}), a discovery document and a JWKS with one RSA
 * and one P-256 key; a third configured issuer ({@code down}) has nobody listening. The private keys reach the tests through configuration
 * ({@code mercato.test.federation.*}), which {@link TestIdTokens} reads to sign ID tokens.
 * {@code POST /control/keys} publishes one more JWK (key rotation); {@code GET /control/stats}
 * counts discovery and JWKS fetches.
 */
public class LocalOpenIdIssuer implements QuarkusTestResourceLifecycleManager {

    static final String AUDIENCE = "mercato-test-client";

    private HttpServer server;
    private final List<String> extraKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    private final AtomicInteger jwksFetches = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            KeyPair rsa = generate("RSA", null);
            KeyPair ec = generate("EC", "secp256r1");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String keys = "{\"keys\":[" + rsaJwk("rsa-1", (RSAPublicKey) rsa.getPublic()) + ","
                    + ecJwk("ec-1", (ECPublicKey) ec.getPublic());
            for (String issuer : List.of("a", "b")) {
                String url = base + "/" + issuer;
                server.createContext("/" + issuer + "/.well-known/openid-configuration", exchange -> {
                    discoveryFetches.incrementAndGet();
                    respond(exchange, 200, "{\"issuer\":\"" + url + "\",\"jwks_uri\":\"" + url + "/jwks\","
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}");
                });
                server.createContext("/" + issuer + "/jwks", exchange -> {
                    jwksFetches.incrementAndGet();
                    StringBuilder body = new StringBuilder(keys);
                    extraKeys.forEach(extra -> body.append(',').append(extra));
                    respond(exchange, 200, body.append("]}").toString());
                });
            }
            server.createContext("/control/keys", exchange -> {
                extraKeys.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                respond(exchange, 204, "");
            });
            server.createContext("/control/stats", exchange -> respond(exchange, 200,
                    "{\"discovery\":" + discoveryFetches.get() + ",\"jwks\":" + jwksFetches.get() + "}"));
            server.start();

            Map<String, String> config = new HashMap<>();
            config.put("mercato.identity.federation.issuers.local.issuer-url", base + "/a");
            config.put("mercato.identity.federation.issuers.local.audience", AUDIENCE);
            config.put("mercato.identity.federation.issuers.second.issuer-url", base + "/b");
            config.put("mercato.identity.federation.issuers.second.audience", AUDIENCE);
            // An issuer nobody answers for: a port that was free a moment ago and has no listener.
            config.put("mercato.identity.federation.issuers.down.issuer-url", "http://127.0.0.1:" + unusedPort());
            config.put("mercato.identity.federation.issuers.down.audience", AUDIENCE);
            config.put("mercato.test.federation.base-url", base);
            config.put("mercato.test.federation.rsa-private-key", encode(rsa.getPrivate().getEncoded()));
            config.put("mercato.test.federation.ec-private-key", encode(ec.getPrivate().getEncoded()));
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("local OpenID issuer could not start", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static KeyPair generate(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve == null) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec(curve));
        }
        return generator.generateKeyPair();
    }

    static String rsaJwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + unsigned(key.getModulus(), 0) + "\",\"e\":\"" + unsigned(key.getPublicExponent(), 0) + "\"}";
    }

    static String ecJwk(String kid, ECPublicKey key) {
        return "{\"kty\":\"EC\",\"use\":\"sig\",\"alg\":\"ES256\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\""
                + unsigned(key.getW().getAffineX(), 32) + "\",\"y\":\"" + unsigned(key.getW().getAffineY(), 32) + "\"}";
    }

    /** Base64url of the big-endian magnitude, left-padded to {@code length} bytes when given. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        int size = Math.max(bytes.length - start, length);
        byte[] out = new byte[size];
        System.arraycopy(bytes, start, out, size - (bytes.length - start), bytes.length - start);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
