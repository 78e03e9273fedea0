package dev.mercato.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that answers like one of the services' public APIs: the handler sees the method,
 * path, query, headers and body and answers a status with a JSON body. It can be stopped and started again on the same
 * port, to play a service that is down.
 */
abstract class StubServer {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private HttpServer server;
    private int port;
    private volatile int failWithStatus;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    /** What the stub answers a request with. */
    record Reply(int status, Object body) {
    }

    /** A body sent as it is, not as JSON (a CSV file), with its type and any other headers. */
    record Raw(byte[] bytes, String contentType, Map<String, String> headers) {
    }

    /** A request as the stub's handler sees it ({@code headers}: the first value of each, names in lower case). */
    record Call(String method, String path, Map<String, String> query, String authorization, String body,
            Map<String, String> headers) {

        /** The request's {@code Idempotency-Key} header, or null. */
        String idempotencyKey() {
            return headers.get("idempotency-key");
        }

        /** The scopes of the bearer token's {@code scope} claim; none without a token. */
        Set<String> scopes() {
            return Set.of(claim("scope").split(" "));
        }

        /** A claim of the bearer token's payload, or "". */
        String claim(String name) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return "";
            }
            String[] parts = authorization.substring(7).split("\\.");
            try {
                Map<?, ?> payload = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
                Object value = payload.get(name);
                return value == null ? "" : value.toString();
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        Map<String, String> form() {
            return parameters(body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("not JSON: " + body, e);
            }
        }
    }

    abstract Reply handle(Call call);

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::exchange);
        server.start();
        port = server.getAddress().getPort();
    }

    synchronized void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request is answered with {@code status} (5xx) until {@link #recover()}. */
    void failWith(int status) {
        failWithStatus = status;
    }

    void recover() {
        failWithStatus = 0;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Reply reply;
            if (failWithStatus != 0) {
                exchange.getResponseHeaders().add("X-Request-ID", "req-stub-failure");
                reply = new Reply(failWithStatus, Map.of("code", failWithStatus, "message", "Internal error"));
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                        values.isEmpty() ? "" : values.get(0)));
                Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        parameters(exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestHeaders().getFirst("Authorization"), body, headers);
                calls.add(call);
                reply = handle(call);
            }
            byte[] bytes;
            if (reply.body() instanceof Raw raw) {
                bytes = raw.bytes();
                exchange.getResponseHeaders().add("Content-Type", raw.contentType());
                raw.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            } else {
                bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** The requests this stub answered (not those it failed on purpose), oldest first, that match {@code which}. */
    List<Call> calls(Predicate<Call> which) {
        return calls.stream().filter(which).toList();
    }

    /** The latest request to {@code method} {@code path}, if any. */
    java.util.Optional<Call> lastCall(String method, String path) {
        List<Call> matching = calls(call -> call.method().equals(method) && call.path().equals(path));
        return matching.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(matching.get(matching.size() - 1));
    }

    static Map<String, String> parameters(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static Reply ok(Object data) {
        return new Reply(200, Map.of("code", 200, "data", data));
    }

    static Reply created(Object data) {
        return new Reply(201, Map.of("code", 201, "data", data));
    }

    static Reply page(java.util.List<?> items, long total) {
        return new Reply(200, Map.of("code", 200, "data", items, "pagination",
                Map.of("page", 1, "limit", Math.max(1, items.size()), "total", total, "pages", 1)));
    }

    /**
     * One page of {@code items} as the API lists it: {@code page} and {@code limit} from the query (defaults 1 and 20).
     */
    static Reply paged(List<? extends Map<String, Object>> items, Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        int from = Math.min(items.size(), (page - 1) * limit);
        List<Object> shown = new ArrayList<>(items.subList(from, Math.min(items.size(), from + limit)));
        return new Reply(200, Map.of("code", 200, "data", shown, "pagination", Map.of("page", page, "limit", limit,
                "total", items.size(), "pages", Math.max(1, (items.size() + limit - 1) / limit))));
    }

    /** Whether {@code item}'s {@code field} contains the {@code field[like]} pattern of the query (its {@code %} dropped). */
    static boolean like(Map<String, Object> item, Map<String, String> query, String field) {
        String pattern = query.get(field + "[like]");
        Object value = item.get(field);
        return pattern == null || value != null
                && value.toString().toLowerCase().contains(pattern.replace("%", "").toLowerCase());
    }

    /** Whether {@code item}'s {@code field} equals the query's {@code field} (any letter case), when given. */
    static boolean equal(Map<String, Object> item, Map<String, String> query, String field) {
        String wanted = query.get(field);
        return wanted == null || wanted.equalsIgnoreCase(String.valueOf(item.get(field)));
    }

    static Reply error(int status, String message) {
        return new Reply(status, Map.of("code", status, "message", message));
    }

    static Reply invalid(String field, String message) {
        return new Reply(400, Map.of("code", 400, "message", "Validation failed",
                "errors", java.util.List.of(Map.of("field", field, "message", message))));
    }

    static Reply notFound() {
        return error(404, "Not found");
    }
}
