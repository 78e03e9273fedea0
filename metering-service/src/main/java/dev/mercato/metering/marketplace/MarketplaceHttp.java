package dev.mercato.metering.marketplace;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** The one HTTP client the adapters share: asynchronous, with the configured timeout on every call. */
@ApplicationScoped
class MarketplaceHttp {

    private final HttpClient client;
    private final Duration timeout;

    MarketplaceHttp(MarketplaceConfig config) {
        this.timeout = config.callTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Sends {@code request} with the call timeout; emits the answer, or fails when there is none. */
    Uni<HttpResponse<String>> send(HttpRequest.Builder request) {
        return Uni.createFrom().completionStage(() -> client.sendAsync(request.timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
