package dev.mercato.console.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.console.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * HTTP to the services' public APIs: JSON or form bodies out, JSON answers in. A service that cannot be reached, does
 * not answer within {@code api-timeout} or answers 5xx becomes {@link ApiUnavailableException}; any other answer is
 * handed back for the caller to judge.
 */
@ApplicationScoped
public class UpstreamHttp {

    private final WebClient client;
    private final ObjectMapper json;
    private final ConsoleConfig config;
    private final long timeoutMillis;

    public UpstreamHttp(Vertx vertx, ObjectMapper json, ConsoleConfig config) {
        this.timeoutMillis = config.apiTimeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("mercato-console")
                .setConnectTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE))
                .setFollowRedirects(false));
        this.json = json;
        this.config = config;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Sends {@code body} (null for none) as JSON. */
    public Uni<Answer> sendJson(Upstream upstream, HttpMethod method, String pathAndQuery, String bearer, Object body) {
        return sendJson(upstream, method, pathAndQuery, bearer, body, null);
    }

    /** Sends {@code body} as JSON with an {@code Idempotency-Key} (docs/API.md), unless it is null. */
    public Uni<Answer> sendJson(Upstream upstream, HttpMethod method, String pathAndQuery, String bearer, Object body,
            String idempotencyKey) {
        HttpRequest<Buffer> request = request(upstream, method, pathAndQuery, bearer);
        if (idempotencyKey != null) {
            request.putHeader("Idempotency-Key", idempotencyKey);
        }
        return send(request, upstream, body);
    }

    /**
     * Sends {@code body} as JSON on behalf of the browser at {@code clientAddress}, named in {@code X-Forwarded-For}:
     * the sign-in calls, which identity-service throttles per source address. A service trusts the header only from
     * the proxies it is configured to trust (the cluster's own addresses); elsewhere it counts the console's address.
     */
    public Uni<Answer> sendJsonFor(String clientAddress, Upstream upstream, String path, Object body) {
        HttpRequest<Buffer> request = request(upstream, HttpMethod.POST, path, null);
        if (clientAddress != null && !clientAddress.isBlank()) {
            request.putHeader("X-Forwarded-For", clientAddress);
        }
        return send(request, upstream, body);
    }

    private Uni<Answer> send(HttpRequest<Buffer> request, Upstream upstream, Object body) {
        if (body == null) {
            return exchange(upstream, request.send());
        }
        try {
            Buffer encoded = Buffer.buffer(json.writeValueAsBytes(body));
            return exchange(upstream, request.putHeader("Content-Type", "application/json").sendBuffer(encoded));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("the request body cannot be written as JSON", e));
        }
    }

    /** Sends {@code form} as {@code application/x-www-form-urlencoded} (the OAuth endpoints). */
    public Uni<Answer> sendForm(Upstream upstream, String path, MultiMap form) {
        return exchange(upstream, request(upstream, HttpMethod.POST, path, null).sendForm(form));
    }

    private HttpRequest<Buffer> request(Upstream upstream, HttpMethod method, String pathAndQuery, String bearer) {
        HttpRequest<Buffer> request = client.requestAbs(method, baseUrl(upstream) + pathAndQuery)
                .timeout(timeoutMillis)
                .putHeader("Accept", "application/json");
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    /**
     * A GET of a file (CSV, …): a successful answer is handed back as its bytes with its {@code Content-Type} and
     * {@code Content-Disposition}; any other answer below 500 as JSON, like {@link #sendJson}.
     */
    public Uni<Download> download(Upstream upstream, String path, String bearer, String accept) {
        HttpRequest<Buffer> request = request(upstream, HttpMethod.GET, path, bearer)
                .putHeader("Accept", accept + ", application/json");
        return received(upstream, request.send()).map(response -> {
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                Buffer body = response.body();
                return new Download(null, body == null ? new byte[0] : body.getBytes(), response.getHeader("Content-Type"),
                        response.getHeader("Content-Disposition"));
            }
            return new Download(answer(upstream, response), null, null, null);
        });
    }

    private Uni<Answer> exchange(Upstream upstream, Uni<HttpResponse<Buffer>> sent) {
        return received(upstream, sent).map(response -> answer(upstream, response));
    }

    private Uni<HttpResponse<Buffer>> received(Upstream upstream, Uni<HttpResponse<Buffer>> sent) {
        return sent
                .onFailure().transform(failure -> new ApiUnavailableException(upstream, "is not answering", null))
                .invoke(response -> {
                    if (response.statusCode() >= 500) {
                        throw new ApiUnavailableException(upstream, "answered with an error (HTTP " + response.statusCode() + ")",
                                response.getHeader("X-Request-ID"));
                    }
                });
    }

    private Answer answer(Upstream upstream, HttpResponse<Buffer> response) {
        return new Answer(upstream, response.statusCode(), parse(upstream, response, response.getHeader("X-Request-ID")),
                response.getHeader("Retry-After"));
    }

    private JsonNode parse(Upstream upstream, HttpResponse<Buffer> response, String requestId) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return json.nullNode();
        }
        try {
            return json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new ApiUnavailableException(upstream, "answered with something that is not JSON", requestId);
        }
    }

    private String baseUrl(Upstream upstream) {
        String url = switch (upstream) {
            case IDENTITY -> config.identityUrl();
            case WEBHOOK -> config.webhookUrl();
            case CATALOG -> config.catalogUrl();
            case ORDER -> config.orderUrl();
            case METERING -> config.meteringUrl();
            case BILLING -> config.billingUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A file, or ({@code refused} not null) the answer that refused it. */
    public record Download(Answer refused, byte[] bytes, String contentType, String contentDisposition) {

        int status() {
            return refused == null ? 200 : refused.status();
        }
    }

    /** An answer below 500: its status, JSON body (a null node when empty) and {@code Retry-After}. */
    public record Answer(Upstream upstream, int status, JsonNode body, String retryAfter) {

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** This answer as a refusal: the API's message and field errors, or the OAuth error's description. */
        public ApiRefusedException refusal() {
            String message = body.path("message").asText(body.path("error_description").asText(""));
            if (message.isBlank()) {
                message = upstream.serviceName() + " refused the request (HTTP " + status + ").";
            }
            List<FieldError> errors = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                errors.add(new FieldError(error.path("field").asText(""), error.path("message").asText("")));
            }
            Long retryAfterSeconds = body.hasNonNull("retryAfter") ? Long.valueOf(body.get("retryAfter").asLong())
                    : retryAfter == null ? null : parseSeconds(retryAfter);
            return new ApiRefusedException(upstream, status, message, errors, retryAfterSeconds);
        }

        private static Long parseSeconds(String value) {
            try {
                return Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
