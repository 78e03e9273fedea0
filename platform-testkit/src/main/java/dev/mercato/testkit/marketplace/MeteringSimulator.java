package dev.mercato.testkit.marketplace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A marketplace metering API answering in the test JVM on a local port: it keeps every record it took (so a
 * repeat is a duplicate, as the real API says), keeps every request, and can be told to throttle the next calls.
 * A test that configures the service before the simulator exists (a Quarkus test profile is read in another
 * class loader) reserves a port with {@link #freePort()} and starts the simulator on it.
 */
public abstract class MeteringSimulator implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final List<JsonNode> requests = new ArrayList<>();

    /** Listens on {@code port} of 127.0.0.1; 0 for any free port. */
    protected MeteringSimulator(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a marketplace simulator", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** A port free now on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Where the simulator listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code calls} calls are throttled, whatever they carry. */
    public void throttleNext(int calls) {
        throttleNext.set(calls);
    }

    /** Every request body received, throttled ones included, in order. */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An answer: status and JSON body. */
    protected record Answer(int status, String body) {
    }

    /** Answers a call that was not throttled. */
    protected abstract Answer answer(String method, URI uri, Headers headers, JsonNode body);

    /** Answers a throttled call as the marketplace does. */
    protected abstract Answer throttled();

    /** The request headers an answer may check. */
    public interface Headers {
        String first(String name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try (InputStream in = exchange.getRequestBody()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body;
            try {
                body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                body = null;
            }
            synchronized (this) {
                requests.add(body == null ? JSON.createObjectNode() : body);
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer = throttled();
            } else {
                synchronized (this) {
                    answer = answer(exchange.getRequestMethod(), exchange.getRequestURI(),
                            name -> exchange.getRequestHeaders().getFirst(name), body);
                }
            }
        } catch (RuntimeException e) {
            answer = new Answer(500, "{\"message\": \"simulator failure\"}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
