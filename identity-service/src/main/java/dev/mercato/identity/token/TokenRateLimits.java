package dev.mercato.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;

import jakarta.inject.Singleton;

import dev.mercato.platform.security.ratelimit.RateLimitDecision;
import dev.mercato.platform.security.ratelimit.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;

/**
 * The allowances of the token endpoints (docs/SECURITY.md "Rate limits"): one {@link RateLimiter} per
 * source address, one per client; a request passes only when both have room. Answers carry the API's
 * {@code X-RateLimit-*} headers (of whichever allowance is tighter) and a refusal is the API's 429 with
 * {@code Retry-After} and {@code retryAfter}. A client id is counted as named, before its secret is
 * checked: the per-address limit is what stops one address from spending another client's allowance
 * through many names, as it stops password and secret guessing.
 */
@Singleton
public class TokenRateLimits {

    private final boolean enabled;
    private final RateLimiter addresses;
    private final RateLimiter clients;

    public TokenRateLimits(TokenRateLimitConfig config) {
        this.enabled = config.enabled();
        this.addresses = new RateLimiter(config.perAddressPerHour(), config.perAddressPerMinute(), config.maxTracked(),
                InstantSource.system());
        this.clients = new RateLimiter(config.perClientPerHour(), config.perClientPerMinute(), config.maxTracked(),
                InstantSource.system());
    }

    /**
     * Counts one token request of {@code request}'s source address and, when known, of {@code client};
     * sets the rate-limit headers; null when it may go on, else the refusal (already counted).
     *
     * @param client the client the request names (client id, {@link #apiKeyClient API key}); null for none
     */
    public RateLimitDecision admit(HttpServerRequest request, String client) {
        if (!enabled) {
            return null;
        }
        RateLimitDecision byAddress = addresses.acquire(addressOf(request));
        RateLimitDecision decision = byAddress;
        if (byAddress.allowed() && client != null) {
            RateLimitDecision byClient = clients.acquire(client);
            if (!byClient.allowed() || byClient.remaining() < byAddress.remaining()) {
                decision = byClient;
            }
        }
        HttpServerResponse response = request.response();
        response.putHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.putHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSecond()));
        return decision.allowed() ? null : decision;
    }

    /** Ends {@code response} with the API's 429: {@code Retry-After} and {@code {"code":429,…,"retryAfter":n}}. */
    public static void refuse(HttpServerResponse response, RateLimitDecision decision) {
        response.setStatusCode(429)
                .putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end("{\"code\":429,\"message\":\"Rate limit exceeded\",\"retryAfter\":" + decision.retryAfterSeconds()
                        + "}");
    }

    /** The client key of an OAuth client id. */
    public static String oauthClient(String clientId) {
        return clientId == null || clientId.isEmpty() ? null : "client:" + clientId;
    }

    /** The client key of an API key: a digest, so that no key is held in memory in clear. */
    public static String apiKeyClient(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "apikey:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    // With quarkus.http.proxy.proxy-address-forwarding (deploy/), this is the address the trusted proxy forwarded.
    private static String addressOf(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
