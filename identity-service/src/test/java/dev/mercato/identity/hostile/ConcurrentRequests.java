package dev.mercato.identity.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.restassured.RestAssured;

/** Fires requests at this service all at once (not one after another) and collects the answers. */
final class ConcurrentRequests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ConcurrentRequests() {
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60));
    }

    /** Sends every request before waiting for any answer. */
    static List<HttpResponse<String>> all(List<HttpRequest> requests) {
        List<CompletableFuture<HttpResponse<String>>> pending = requests.stream()
                .map(request -> CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }
}
