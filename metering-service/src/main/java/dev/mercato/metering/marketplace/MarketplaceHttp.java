package dev.mercato.metering.marketplace;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** The one HTTP client the adapters share: asynchronous, with the configured timeout on every call. */
@ApplicationScoped
class MarketplaceHttp {

    /** An answer: its status and its JSON body (empty when it has none or it is not JSON). */
    record Answer(int status, JsonNode body) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final ObjectMapper json;

    MarketplaceHttp(MarketplaceConfig config, ObjectMapper json) {
        this.timeout = config.callTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
    }

    /** Sends {@code request} with the call timeout; emits the answer, or fails when there is none. */
    Uni<Answer> send(HttpRequest.Builder request) {
        return Uni.createFrom().completionStage(() -> client.sendAsync(request.timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString()))
                .map(response -> new Answer(response.statusCode(), parse(response.body())));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception notJson) {
            return json.createObjectNode();
        }
    }
}
