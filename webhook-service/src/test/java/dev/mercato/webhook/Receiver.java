package dev.mercato.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A real webhook receiver on loopback for tests: each path answers as a behaviour says (200, 500, 429 with
 * Retry-After, 410, slow, closed connection, or a script of these), and every request is recorded.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer to the n-th request (0-based) on a path: a status, or -1 to close the connection, -2 to hang. */
    public interface Behaviour extends Function<Integer, Integer> {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public Receiver() {
        server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("receiver could not start", e);
        }
    }

    /** The URL of a new path answering as {@code behaviour}. */
    public String url(String name, Behaviour behaviour) {
        String path = "/" + name + "-" + java.util.UUID.randomUUID();
        behaviours.put(path, behaviour);
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** From now on, the path of {@code url} answers as {@code behaviour} (its request count goes on). */
    public void answer(String url, Behaviour behaviour) {
        behaviours.put(path(url), behaviour);
    }

    public static Behaviour always(int status) {
        return n -> status;
    }

    public static Behaviour failing(int times, int status) {
        return n -> n < times ? status : 200;
    }

    public List<Received> at(String url) {
        String path = path(url);
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static String path(String url) {
        return url.substring(url.indexOf('/', "http://".length()));
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        request.body().onSuccess(body -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
            received.add(new Received(path, headers, body.toString(), Instant.now()));
            Behaviour behaviour = behaviours.getOrDefault(path, always(404));
            int status = behaviour.apply(n);
            if (status == -1) {
                request.connection().close();
            } else if (status == -2) {
                vertx.setTimer(Duration.ofSeconds(10).toMillis(), id -> request.response().setStatusCode(200).end());
            } else {
                if (status == 429 || status == 503) {
                    request.response().putHeader("Retry-After", "1");
                }
                request.response().setStatusCode(status).end("answer " + status);
            }
        });
    }

    @Override
    public void close() {
        server.close();
        vertx.close();
    }
}
