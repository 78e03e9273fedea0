package dev.mercato.identity.federated;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Fetches an issuer's discovery document and key set: JSON over HTTPS (plain HTTP only to a loopback
 * host, for tests and local issuers), at most {@value #MAX_BYTES} bytes, with a timeout, one retry
 * (a GET is safe to repeat) and a circuit breaker per issuer ({@code federation-<name>}), so one
 * unreachable issuer neither stalls logins nor affects another.
 */
@ApplicationScoped
class IssuerDocuments {

    static final int MAX_BYTES = 512 * 1024;

    private static final TypeLiteral<Uni<JsonNode>> GUARDED = new TypeLiteral<>() {
    };

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Map<String, TypedGuard<Uni<JsonNode>>> guards = new ConcurrentHashMap<>();

    IssuerDocuments(Vertx vertx, ObjectMapper json, FederationConfig config) {
        this.timeout = config.httpTimeout();
        this.json = json;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    /** The JSON object at {@code url}, fetched on behalf of the issuer {@code issuerName}. */
    Uni<JsonNode> get(String issuerName, String url) {
        // Timeouts and retries may finish on another thread; callers go on to the database on their own context.
        Context caller = io.vertx.core.Vertx.currentContext();
        Uni<JsonNode> guarded = Uni.createFrom().deferred(() -> {
            requireSecure(url);
            return guard(issuerName).get(() -> fetch(url));
        }).onFailure(failure -> !(failure instanceof IssuerUnavailableException))
                .transform(failure -> new IssuerUnavailableException(failure.getClass().getSimpleName()));
        return caller == null ? guarded : guarded.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private Uni<JsonNode> fetch(String url) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Accept", "application/json");
        return http.request(request)
                .chain(outgoing -> outgoing.send())
                .chain(response -> {
                    if (response.statusCode() != 200) {
                        throw new IssuerUnavailableException("answered " + response.statusCode());
                    }
                    if (declaredLength(response.getHeader("Content-Length")) > MAX_BYTES) {
                        throw new IssuerUnavailableException("document too large");
                    }
                    return response.body();
                })
                .map(body -> {
                    if (body.length() > MAX_BYTES) {
                        throw new IssuerUnavailableException("document too large");
                    }
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        if (document == null || !document.isObject()) {
                            throw new IssuerUnavailableException("document is not a JSON object");
                        }
                        return document;
                    } catch (IOException e) {
                        throw new IssuerUnavailableException("document is not JSON");
                    }
                });
    }

    /** The Content-Length header's value; 0 when absent or unreadable (the body is still measured). */
    private static long declaredLength(String header) {
        try {
            return header == null ? 0 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private TypedGuard<Uni<JsonNode>> guard(String issuerName) {
        return guards.computeIfAbsent(issuerName, name -> TypedGuard.create(GUARDED)
                .withDescription("federation issuer " + name)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(1).delay(200, ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name("federation-" + name)
                        .requestVolumeThreshold(4).failureRatio(0.75).delay(30, ChronoUnit.SECONDS).done()
                .build());
    }

    /** Keys must come over TLS: plain HTTP would let anyone on the path substitute them. */
    static void requireSecure(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IssuerUnavailableException("refusing to fetch issuer metadata over " + uri.getScheme());
        }
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }
}
