package dev.mercato.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real, local OpenID issuer in the test JVM, standing in for identity-service: it serves
 * {@code /.well-known/openid-configuration} and {@code /.well-known/jwks.json} with an EC P-256 key,
 * and {@link TestTokens} mints ES256 tokens with that key. Started by {@link MercatoTestResources}
 * <em>offline</em> (discovery answers 503) and brought online by the first token minted, so every
 * service's tests boot while identity-service is not answering, as in a real rollout, and rely on
 * quarkus-oidc discovering it when the first token arrives. {@code /testkit/*} lets the tests steer it.
 */
public final class TestIssuer {

    static final String ONLINE_PATH = "/testkit/online";
    static final String STATS_PATH = "/testkit/stats";
    static final String KEYS_PATH = "/testkit/keys";

    private final HttpServer server;
    private final String url;
    private final List<String> publicJwks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicInteger refusedWhileOffline = new AtomicInteger();
    private final AtomicInteger discoveriesServed = new AtomicInteger();

    private TestIssuer(HttpServer server) {
        this.server = server;
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts an issuer on a free local port, offline, and publishes its keys for {@link TestTokens}. */
    public static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestIssuer issuer = new TestIssuer(server);
            KeyPair keys = IssuerKeys.newKeyPair();
            String keyId = IssuerKeys.newKeyId();
            issuer.publicJwks.add(IssuerKeys.publicJwk((ECPublicKey) keys.getPublic(), keyId));
            server.createContext("/", issuer::handle);
            server.start();
            new IssuerKeys(issuer.url, keyId, keys.getPrivate()).publish();
            return issuer;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test issuer", e);
        }
    }

    /** The issuer URL: the {@code iss} of its tokens and the base of its discovery document. */
    public String url() {
        return url;
    }

    public void stop() {
        IssuerKeys.withdraw();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/.well-known/openid-configuration" -> {
                    if (refuseWhileOffline(exchange)) {
                        return;
                    }
                    discoveriesServed.incrementAndGet();
                    respond(exchange, 200, """
                            {"issuer":"%1$s","jwks_uri":"%1$s/.well-known/jwks.json","token_endpoint":"%1$s/oauth/token",
                             "response_types_supported":["token"],"subject_types_supported":["public"],
                             "id_token_signing_alg_values_supported":["ES256"],
                             "grant_types_supported":["client_credentials"]}""".formatted(url));
                }
                case "/.well-known/jwks.json" -> {
                    if (!refuseWhileOffline(exchange)) {
                        respond(exchange, 200, "{\"keys\":[" + String.join(",", publicJwks) + "]}");
                    }
                }
                case ONLINE_PATH -> {
                    online.set(true);
                    respond(exchange, 204, null);
                }
                case KEYS_PATH -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        publicJwks.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    respond(exchange, 204, null);
                }
                case STATS_PATH -> respond(exchange, 200, """
                        {"online":%s,"refusedWhileOffline":%d,"discoveriesServed":%d}"""
                        .formatted(online.get(), refusedWhileOffline.get(), discoveriesServed.get()));
                default -> respond(exchange, 404, "{}");
            }
        }
    }

    private boolean refuseWhileOffline(HttpExchange exchange) throws IOException {
        if (online.get()) {
            return false;
        }
        refusedWhileOffline.incrementAndGet();
        respond(exchange, 503, "{}");
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
