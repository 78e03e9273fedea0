package dev.mercato.webhook.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.webhook.WebhookConfig;
import dev.mercato.webhook.ssrf.UrlGuard.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Sends one signed POST with Vert.x's HTTP client to the address the URL guard checked (the Host header and TLS
 * server name stay the URL's host), with a connect timeout and a total timeout, following no redirect, and reads
 * at most {@value #EXCERPT} characters of the answer.
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT = 1000;

    /** What one attempt came to: a status code (null when none came back), how long, an excerpt or the error. */
    public record Outcome(Integer statusCode, int durationMs, String excerpt, String error, Duration retryAfter) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final WebhookConfig config;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTryUseCompression(false)
                .setMaxRedirects(0)
                // Receivers are outside Mercato: no traceparent goes to them, and the attempt's span is DeliverySpans'
                // (in the event's trace), not one Vert.x would start wherever the engine's round runs.
                .setTracingPolicy(TracingPolicy.IGNORE);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(64));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<Outcome> send(Target target, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.requestTimeout().toMillis());
        headers.forEach(options::addHeader);
        Promise<Outcome> promise = Promise.promise();
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                promise.tryComplete(failure(started, requested.cause()));
                return;
            }
            HttpClientRequest request = requested.result();
            request.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    promise.tryComplete(failure(started, answered.cause()));
                    return;
                }
                var response = answered.result();
                StringBuilder excerpt = new StringBuilder();
                response.handler(chunk -> {
                    if (excerpt.length() < EXCERPT) {
                        String text = chunk.toString();
                        excerpt.append(text, 0, Math.min(text.length(), EXCERPT - excerpt.length()));
                    }
                });
                response.exceptionHandler(e -> promise.tryComplete(new Outcome(response.statusCode(), elapsed(started),
                        excerpt.toString(), describe(e), null)));
                response.endHandler(ignored -> promise.tryComplete(new Outcome(response.statusCode(), elapsed(started),
                        excerpt.toString(), null, retryAfter(response.getHeader("Retry-After")))));
            });
        });
        long totalMillis = config.requestTimeout().toMillis();
        return Uni.createFrom().completionStage(promise.future().toCompletionStage())
                .ifNoItem().after(Duration.ofMillis(totalMillis + 50))
                .recoverWithItem(() -> new Outcome(null, elapsed(started), null,
                        "timed out after " + totalMillis + " ms", null));
    }

    private static Outcome failure(long started, Throwable cause) {
        return new Outcome(null, elapsed(started), null, describe(cause), null);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    private static int elapsed(long started) {
        return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
