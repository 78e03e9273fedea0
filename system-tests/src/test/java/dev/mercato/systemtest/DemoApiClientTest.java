package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The API client of {@code ./mercato demo} ({@code mercato_api} in scripts/lib/demo.sh) against a local server that
 * rate-limits it. The bootstrap client has the budget of any client, and on a fast machine the demo's month sends
 * metering-service more than 50 requests a minute: a 429 must be waited out as its Retry-After says, not end the month.
 */
class DemoApiClientTest {

    private static final String CREATED = "{\"code\":201,\"data\":{\"id\":\"thing_1\"}}";
    private static final String LIMITED = "{\"code\":429,\"message\":\"Rate limit exceeded\",\"retryAfter\":%s}";

    private HttpServer server;
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void waitsOutA429AsItsRetryAfterSaysAndSendsTheSameRequestAgain() throws Exception {
        limitFirst(2, "1");

        long started = System.nanoTime();
        Outcome outcome = mercatoApi("POST", "/api/v1/things", "{\"name\": \"a thing\"}");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains(CREATED)
                .contains("rate limited (429); waiting 1s as Retry-After says")
                .doesNotContain("warning");
        assertThat(idempotencyKeys).hasSize(3).containsOnly(idempotencyKeys.get(0));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void givesUpAtOnceWithTheAnswerWhenTheWaitWouldBeLongerThanFiveMinutes() throws Exception {
        limitFirst(1, "3600");

        Outcome outcome = mercatoApi("GET", "/api/v1/things", "");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).contains("warning: GET /api/v1/things answered 429")
                .contains("\"retryAfter\":3600")
                .doesNotContain(CREATED);
        assertThat(idempotencyKeys).hasSize(1);
    }

    /** Answers the first {@code limited} requests 429 with {@code Retry-After: retryAfter}, then 201. */
    private void limitFirst(int limited, String retryAfter) {
        server.createContext("/api/v1/things", exchange -> {
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.getRequestBody().readAllBytes();
            boolean limit = idempotencyKeys.size() <= limited;
            byte[] body = (limit ? LIMITED.formatted(retryAfter) : CREATED).getBytes(StandardCharsets.UTF_8);
            if (limit) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(limit ? 429 : 201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private record Outcome(int exitCode, String output) {
    }

    private Outcome mercatoApi(String method, String path, String body) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; . scripts/lib/common.sh; . scripts/lib/demo.sh; mercato_api \"$@\"", "mercato_api",
                method, path, body)
                .directory(MercatoCli.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("MERCATO_DEMO_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        builder.environment().put("MERCATO_DEMO_TOKEN", "a-token");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }
}
