package dev.mercato.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The tests' side of the {@link TestIssuer}: bring it online, publish another key, read what it served. */
public final class TestIssuerClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile String online;

    private TestIssuerClient() {
    }

    /** Makes the issuer answer discovery and JWKS requests from now on (idempotent, cheap after the first call). */
    public static void bringOnline() {
        String issuer = IssuerKeys.published().issuer();
        if (!issuer.equals(online)) {
            send(HttpRequest.newBuilder(URI.create(issuer + TestIssuer.ONLINE_PATH))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            online = issuer;
        }
    }

    /** Adds {@code key} to the issuer's JWKS, as identity-service does when it rotates its signing key. */
    public static void publishKey(ECPublicKey key, String keyId) {
        send(HttpRequest.newBuilder(URI.create(IssuerKeys.published().issuer() + TestIssuer.KEYS_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(IssuerKeys.publicJwk(key, keyId))));
    }

    /** What the issuer saw so far. */
    public static Stats stats() {
        String issuer = IssuerKeys.published().issuer();
        String body = send(HttpRequest.newBuilder(URI.create(issuer + TestIssuer.STATS_PATH)).GET());
        try {
            JsonNode json = new ObjectMapper().readTree(body);
            return new Stats(json.get("online").asBoolean(), json.get("refusedWhileOffline").asInt(),
                    json.get("discoveriesServed").asInt());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable issuer stats", e);
        }
    }

    /**
     * @param refusedWhileOffline discovery and JWKS requests answered 503 before the issuer came online
     * @param discoveriesServed   discovery documents served since
     */
    public record Stats(boolean online, int refusedWhileOffline, int discoveriesServed) {
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("test issuer answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("test issuer unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
