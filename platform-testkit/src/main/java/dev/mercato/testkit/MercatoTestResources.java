package dev.mercato.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one test resource every service uses: a real Kafka broker in the test JVM, the service's
 * own fresh PostgreSQL database, and the OpenID issuer whose tokens the service trusts. Declare it
 * once per service module, on one class, so Quarkus boots once for all the module's tests:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = MercatoTestResources.class, initArgs = @ResourceArg(name = "service", value = "order"))
 * public class TestResources { }
 * }</pre>
 *
 * By default a {@link TestIssuer} stands in for identity-service ({@link TestTokens} mints its
 * tokens). With {@code @ResourceArg(name = "issuer", value = "self")} — identity-service, which
 * verifies the tokens it issues through its own discovery endpoint — no issuer is started; the
 * service gets a fixed free test port and {@code mercato.identity.url} pointing at itself.
 */
public class MercatoTestResources implements QuarkusTestResourceLifecycleManager {

    private String service;
    private boolean selfIssued;
    private TestIssuer issuer;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", "service");
        String issuerArg = initArgs.getOrDefault("issuer", "test");
        if (!issuerArg.equals("test") && !issuerArg.equals("self")) {
            throw new IllegalArgumentException("issuer must be 'test' or 'self', not " + issuerArg);
        }
        selfIssued = issuerArg.equals("self");
    }

    @Override
    public Map<String, String> start() {
        TestDatabase database = TestDatabase.recreate(service);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers());
        config.put("mercato.db.host", database.host);
        config.put("mercato.db.port", database.port);
        config.put("mercato.db.user", database.user);
        config.put("mercato.db.password", database.password);
        config.put("mercato.db.name", database.name);
        String identityUrl;
        if (selfIssued) {
            int port = freePort();
            config.put("quarkus.http.test-port", Integer.toString(port));
            identityUrl = "http://127.0.0.1:" + port;
        } else {
            issuer = TestIssuer.start();
            identityUrl = issuer.url();
        }
        config.put("mercato.identity.url", identityUrl);
        config.put("quarkus.oidc.auth-server-url", identityUrl);
        return config;
    }

    @Override
    public void stop() {
        // The broker stops with the JVM; the database is kept for inspection until the next run.
        if (issuer != null) {
            issuer.stop();
            issuer = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
