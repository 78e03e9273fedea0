package dev.mercato.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends many malformed requests — mutated JSON bodies, odd headers, odd paths and queries — at a
 * service's endpoints and tallies the answers, so a test can assert that none of them is a 5xx.
 * Seeded, so a failure can be replayed. The requests come from a loopback address of their own
 * (127.0.0.66, where the system has it), so the many refused ones spend the per-address rate limit of
 * that address and not the one the service's other tests use.
 *
 * <pre>{@code
 * HostileRequests.Tally tally = new HostileRequests(port, seed, () -> token)
 *         .endpoint("POST", "/api/v1/tenants", "{\"name\": \"a\", \"countryCode\": \"FI\"}")
 *         .endpoint("GET", "/api/v1/tenants/{id}", null)
 *         .send(2000);
 * assertThat(tally.serverErrors()).isEmpty();
 * }</pre>
 */
public final class HostileRequests {

    private static final String[] CONTENT_TYPES = {
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
        "application/json; charset=iso-8859-1", "text/plain", "application/x-www-form-urlencoded",
        "application/merge-patch+json", "application/json;;;", "*/*", "", "application/", "multipart/form-data",
    };
    private static final String[] ODD_TEXT = {
        "", " ", ".", "..", "...", "a.b.c", "\u00e9", "%00", "%", "%zz", "%c0%af", "%ff", "%e2%80%ae", "null",
        "-1", "0", "99999999999999999999999", "1e309", "NaN", "true", "[]", "{}", "\\", "'", "\"", "<", "${x}",
        "../../etc/passwd", "%2e%2e%2f", ";", "//", "a".repeat(300), "\u202e", "\ud83d\ude00", "+", "&", "=",
    };
    private static final String[] ODD_JSON_VALUES = {
        "null", "true", "1", "-0", "1.5", "1e999999", "-1e-999999", "\"\"", "\"\\u0000\"", "\"\\ud800\"",
        "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "\"" + "x".repeat(5000) + "\"", "12345678901234567890123",
        "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}", "\"\\/\"", "\"\u00e9\"", "\"a\\nb\"",
    };

    private final int port;
    private final Random random;
    private final Supplier<String> token;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private InetAddress from = ownLoopbackAddress();

    /** {@code token} supplies a valid access token (called for each request that carries one). */
    public HostileRequests(int port, long seed, Supplier<String> token) {
        this.port = port;
        this.random = new Random(seed);
        this.token = token;
    }

    /** An endpoint to aim at; {@code {…}} segments get odd ids; {@code body} is a valid JSON body or null. */
    public HostileRequests endpoint(String method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body));
        return this;
    }

    /** Sends {@code count} malformed requests, one after another. */
    public Tally send(int count) throws IOException {
        Tally tally = new Tally();
        for (int i = 0; i < count; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String method = random.nextInt(20) == 0 ? pick(new String[] { "PUT", "DELETE", "OPTIONS", "HEAD", "TRACE", "PATCH" })
                    : endpoint.method();
            byte[] target = target(endpoint.path());
            Map<String, String> headers = headers();
            byte[] body = endpoint.body() == null && random.nextInt(4) != 0 ? null : body(endpoint.body());
            RawHttp.Answer answer = send(method, target, headers, body);
            tally.add(answer.status(), method + " " + new String(target, StandardCharsets.ISO_8859_1) + " " + headers
                    + (body == null ? "" : " body=" + abbreviate(new String(body, StandardCharsets.UTF_8))) + " → "
                    + abbreviate(answer.body()));
        }
        return tally;
    }

    private RawHttp.Answer send(String method, byte[] target, Map<String, String> headers, byte[] body)
            throws IOException {
        if (from != null) {
            try {
                return RawHttp.send(from, port, method, target, headers, body);
            } catch (BindException | ConnectException unavailable) {
                from = null; // this system has only 127.0.0.1
            }
        }
        return RawHttp.send(port, method, target, headers, body);
    }

    private static InetAddress ownLoopbackAddress() {
        try {
            return InetAddress.getByAddress(new byte[] { 127, 0, 0, 66 });
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** How many answers had each status, and the requests that got a 5xx. */
    public static final class Tally {
        private final Map<Integer, Integer> byStatus = new TreeMap<>();
        private final List<String> serverErrors = new ArrayList<>();

        void add(int status, String request) {
            byStatus.merge(status, 1, Integer::sum);
            if (status >= 500) {
                serverErrors.add(request);
            }
        }

        public Map<Integer, Integer> byStatus() {
            return byStatus;
        }

        public List<String> serverErrors() {
            return serverErrors;
        }

        @Override
        public String toString() {
            return "statuses " + byStatus;
        }
    }

    private byte[] target(String template) {
        StringBuilder path = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (path.length() > 0 || !segment.isEmpty()) {
                path.append('/');
            }
            if (segment.startsWith("{")) {
                path.append(random.nextInt(3) == 0 ? "org_01abc" : pick(ODD_TEXT));
            } else {
                path.append(segment);
            }
        }
        String text = path.toString();
        switch (random.nextInt(8)) {
            case 0 -> text += "/" + pick(ODD_TEXT);
            case 1 -> text += "?" + pick(new String[] { "limit", "page", "sort", "filter", "name", "status", "organizationId",
                "createdAt[gte]", "x" }) + "=" + pick(ODD_TEXT);
            case 2 -> text = text.replace("/api", "/api/" + pick(ODD_TEXT));
            case 3 -> text += "?" + pick(ODD_TEXT) + "&" + pick(ODD_TEXT) + "=" + pick(ODD_TEXT);
            default -> { }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(25) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) pick(new int[] { 0x00, 0x01, 0x7f, 0x80, 0xc0, 0xff, ' ', '#' });
        }
        return bytes;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", random.nextInt(3) == 0 ? pick(CONTENT_TYPES) : "application/json");
        switch (random.nextInt(6)) {
            case 0 -> { }
            case 1 -> headers.put("Authorization", "Bearer " + pick(ODD_TEXT));
            case 2 -> headers.put("Authorization", pick(new String[] { "Basic " + pick(ODD_TEXT), "Bearer", "bearer  ..",
                "Token x", "Bearer " + token.get() + pick(ODD_TEXT), "Bearer " + token.get().replace('.', '!') }));
            default -> headers.put("Authorization", "Bearer " + token.get());
        }
        if (random.nextInt(4) == 0) {
            headers.put(pick(new String[] { "Idempotency-Key", "X-Idempotency-Key", "X-Request-ID", "Accept",
                "X-Forwarded-For", "Accept-Encoding", "Content-Encoding" }), pick(ODD_TEXT));
        }
        return headers;
    }

    private byte[] body(String valid) {
        String json = valid == null ? pick(ODD_JSON_VALUES) : valid;
        switch (random.nextInt(10)) {
            case 0 -> json = json.substring(0, random.nextInt(json.length() + 1));
            case 1 -> json = json + pick(new String[] { " {}", "]", "x", "\n\n", ",", " null" });
            case 2 -> json = json.replaceFirst("\\{", "{\"" + pick(new String[] { "name", "email", "password", "scopes",
                "metadata", "status", "__proto__", "" }) + "\": " + pick(ODD_JSON_VALUES) + ", ");
            case 3 -> json = replaceAValue(json);
            case 4 -> json = "[".repeat(random.nextInt(5000)) + json;
            case 5 -> json = json.replace("\"", random.nextBoolean() ? "'" : "");
            default -> { }
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(3) == 0 && bytes.length > 0) {
            ByteArrayOutputStream mutated = new ByteArrayOutputStream();
            int at = random.nextInt(bytes.length);
            mutated.write(bytes, 0, at);
            int[] odd = { 0x00, 0xc0, 0xaf, 0xc1, 0xbf, 0xe0, 0x80, 0xed, 0xa0, 0xf4, 0x90, 0xff, 0xfe, 0x22, 0x5c };
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                mutated.write(pick(odd));
            }
            mutated.write(bytes, at, bytes.length - at);
            bytes = mutated.toByteArray();
        }
        return bytes;
    }

    /** Replaces the value after one {@code ":"} with an odd one: wrong types, huge numbers, escapes. */
    private String replaceAValue(String json) {
        List<Integer> colons = new ArrayList<>();
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) == ':') {
                colons.add(i);
            }
        }
        if (colons.isEmpty()) {
            return json;
        }
        int colon = colons.get(random.nextInt(colons.size()));
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < json.length(); end++) {
            char c = json.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth-- == 0) {
                    break;
                }
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return json.substring(0, colon + 1) + " " + pick(ODD_JSON_VALUES) + json.substring(end);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private record Endpoint(String method, String path, String body) {
    }
}
