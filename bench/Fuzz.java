import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The OpenAPI-driven fuzzer and the generic authorization matrix (bench/fuzz.sh runs it). For every service it reads
 * {@code /q/openapi?format=json}, lists the operations and sends {@code budget} requests generated from their schemas:
 * a plausible baseline, then mutations of it (a field of the wrong type, a required field missing, unknown fields,
 * 1 MB strings, 10,000 levels of nesting, invalid UTF-8, odd or absent content types and encodings, injection strings
 * in every path and query parameter and in both filter syntaxes). Every answer must be below 500, begin within
 * {@code slowMillis} (a {@code -dump} streams on; a 10 s stall is no answer), and be in the API error shape when it is
 * a 4xx; the totals of the collections only refused requests were aimed at must not change. The matrix then sends
 * every operation of every service with no token, a garbage token, {@code alg: none}, another issuer, a forged
 * expired token, a tampered and a revoked real token (all must be 401 except the public operations), and with a
 * real token that holds one unrelated scope (never 2xx).
 * Then the matrix by role ({@link RoleMatrix}: every operation as a user of each of the ten roles, against the scopes
 * the document declares) and by organization ({@link ForeignMatrix}: the admins of a foreign organization of each kind
 * reach nothing of the demo's organizations), both with the callers {@link Actors} makes.
 * Plain JDK, raw HTTP/1.1 over sockets (so bytes no client library would send can be sent); seeded, so every request
 * can be replayed: examples name the seed and the request number. Exit status 1 when anything is violated.
 *
 * <pre>java -cp classes Fuzz budget seed slowMillis clientId clientSecret identity=http://127.0.0.1:8081 catalog=...</pre>
 * (bench/fuzz.sh compiles it with the matrices beside it into {@code classes}).
 */
public class Fuzz {

    static final String ADMIN_SCOPE_OTHER = "read:audit";
    static final int EXAMPLES = 3;
    static final int CONCURRENCY = Integer.getInteger("fuzz.concurrency", 6);
    static final Set<String> PUBLIC_API = Set.of("/api/v1/auth", "/api/v1/auth/login", "/api/v1/auth/federated");
    /** Collections that record the writes of every other (identity's audit log): unchanged only when none was taken. */
    static final Set<String> LOGS_OF_EVERY_WRITE = Set.of("/api/v1/audit-events");
    /**
     * Collections that record refusals on purpose, and the filter for what a refused request must not add: a usage
     * event that is refused still leaves a FAILED usage report (metering-service/README.md), never a CONFIRMED one.
     */
    static final Map<String, String> REFUSALS_RECORDED = Map.of("/api/v1/metering", "status=CONFIRMED");
    /**
     * What the HTTP layer answers itself, with no body, before any Mercato code runs: Vert.x's codec refuses a request
     * line over {@code quarkus.http.limits.max-initial-line-length} (414) or headers over their limit (431), and
     * Quarkus's root handler a target {@code java.net.URI} cannot parse (a broken {@code %} escape: 400), Netty a header
     * value holding a control character (400). Counted apart.
     */
    static final Set<Integer> HTTP_LAYER_REFUSALS = Set.of(414, 431);
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    final int budget;
    final long seed;
    final long slowMillis;
    final Map<String, URI> services;
    final String clientId;
    final String clientSecret;
    String adminToken;

    Fuzz(int budget, long seed, long slowMillis, String clientId, String clientSecret, Map<String, URI> services) {
        this.budget = budget;
        this.seed = seed;
        this.slowMillis = slowMillis;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.services = services;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: Fuzz budget seed slowMillis clientId clientSecret name=url...");
            System.exit(2);
        }
        Map<String, URI> services = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            services.put(pair[0], URI.create(pair[1]));
        }
        Fuzz fuzz = new Fuzz(Integer.parseInt(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), args[3],
                args[4], services);
        boolean clean = fuzz.run();
        System.exit(clean ? 0 : 1);
    }

    boolean run() throws Exception {
        URI identity = services.get("identity");
        adminToken = token(identity, null);
        Map<String, Api> apis = new LinkedHashMap<>();
        for (Map.Entry<String, URI> service : services.entrySet()) {
            apis.put(service.getKey(), Api.read(service.getKey(), service.getValue(), adminToken));
        }
        boolean clean = true;
        long started = System.nanoTime();
        System.out.printf("fuzz: seed %d, %d requests per service, slow above %d ms%n", seed, budget, slowMillis);
        for (Api api : apis.values()) {
            Tally tally = fuzzService(api);
            clean &= tally.print();
        }
        System.out.printf("fuzz: done in %d s%n%n", (System.nanoTime() - started) / 1_000_000_000L);
        clean &= new AuthorizationMatrix(this, apis).run();
        Actors actors = new Actors(services, adminToken).prepare();
        clean &= new RoleMatrix(this, apis, actors).run();
        clean &= new ForeignMatrix(this, apis, actors).run();
        System.out.println(clean ? "fuzz: no violation" : "fuzz: VIOLATIONS (see above)");
        return clean;
    }

    // ---------------------------------------------------------------- fuzzing one service

    Tally fuzzService(Api api) throws Exception {
        Tally tally = new Tally(api.name, slowMillis);
        Map<String, Long> before = api.collectionTotals(adminToken);
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        for (int i = 0; i < budget; i++) {
            final int index = i;
            pool.execute(() -> {
                CURRENT.set(api);
                // java.util.Random's first draws of neighbouring seeds are alike: mix the seed first
                Random random = new Random(new SplittableRandom(seed * 1_000_003L + api.name.hashCode() * 31L + index)
                        .nextLong());
                Operation op = api.operations.get(random.nextInt(api.operations.size()));
                Mutant request = new Mutator(random, op, adminToken).mutate(index % 20 == 0);
                Answer answer = send(api.base, request);
                tally.record(request, answer, api.name + "#" + index);
                if (WRITES.contains(request.method) && answer.status >= 200 && answer.status < 300) {
                    written.add(Api.area(op.path));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        Thread.sleep(1000);
        compareTotals(before, api.collectionTotals(adminToken), written, tally);
        return tally;
    }

    /**
     * Every collection total of {@code before} must be the same {@code after}, but those of the areas a request was
     * let to write to ({@code written}, see {@link Api#area}).
     */
    static void compareTotals(Map<String, Long> before, Map<String, Long> after, Set<String> written, Tally tally) {
        for (Map.Entry<String, Long> collection : before.entrySet()) {
            if (written.contains(Api.area(collection.getKey()))
                    || LOGS_OF_EVERY_WRITE.contains(collection.getKey()) && !written.isEmpty()) {
                tally.collectionsWritten++;
                continue;
            }
            tally.collectionsChecked++;
            Long now = after.get(collection.getKey());
            if (!collection.getValue().equals(now)) {
                tally.violation("stored by a refused request", "GET " + collection.getKey() + " total "
                        + collection.getValue() + " -> " + now);
            }
        }
    }

    // ---------------------------------------------------------------- tokens

    String token(URI identity, String scope) throws IOException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                + (scope == null ? "" : "&scope=" + enc(scope));
        Answer answer = send(identity, new Mutant("POST", "/oauth/token",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8)));
        if (answer.status != 200) {
            throw new IllegalStateException("no token from " + identity + ": " + answer.status + " " + answer.text());
        }
        return (String) ((Map<?, ?>) Json.parse(answer.text())).get("access_token");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- HTTP over a socket

    record Answer(int status, Map<String, String> headers, byte[] body, long millis) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One request; {@code null} headers are left out. Status -1: no answer within 10 s or the connection dropped. */
    static Answer send(URI base, Mutant request) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method + " ").getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(request.target);
            StringBuilder headers = new StringBuilder(" HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n");
            request.headers.forEach((name, value) -> headers.append(name).append(": ").append(value).append("\r\n"));
            if (request.body != null && !request.headers.containsKey("Transfer-Encoding")) {
                headers.append("Content-Length: ").append(request.body.length).append("\r\n");
            }
            headers.append("\r\n");
            head.writeBytes(headers.toString().getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (request.body != null) {
                    out.write(request.body);
                }
                out.flush();
            } catch (IOException refusedWhileWriting) {
                // a server may answer (413) and close before it has read the whole body: read what it said
            }
            long[] firstByteAt = {System.nanoTime()};
            byte[] raw = readAll(socket.getInputStream(), firstByteAt);
            return parse(raw, (firstByteAt[0] - started) / 1_000_000L);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), e.toString().getBytes(StandardCharsets.UTF_8),
                    (System.nanoTime() - started) / 1_000_000L);
        }
    }

    /**
     * Reads the whole answer; {@code firstByteAt[0]} becomes the moment its first bytes arrived. That moment is the
     * answer's time: a {@code -dump} streams a whole collection, which may rightly take longer than the bound, while
     * a stall between two reads is caught by the socket's 10 s timeout.
     */
    static byte[] readAll(InputStream in, long[] firstByteAt) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (all.size() == 0) {
                    firstByteAt[0] = System.nanoTime();
                }
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    static Answer parse(byte[] raw, long millis) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, millis);
    }

    static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- the API of one service

    record Param(String name, String in, Map<String, Object> schema, boolean required) {
    }

    /**
     * One operation of a document. {@code scopes}: its security requirements, each the set of scopes it needs (any one
     * requirement is enough); {@code null} when it declares none, empty when it declares that it is public.
     */
    record Operation(String method, String path, List<Param> params, Map<String, Object> body, String bodyType,
            boolean open, Map<String, String> pathValues, List<Set<String>> scopes) {

        /** The same operation with other path parameter values. */
        Operation withPathValues(Map<String, String> values) {
            return new Operation(method, path, params, body, bodyType, open, values, scopes);
        }
    }

    static final class Api {
        final String name;
        final URI base;
        final Map<String, Object> document;
        final List<Operation> operations = new ArrayList<>();

        Api(String name, URI base, Map<String, Object> document) {
            this.name = name;
            this.base = base;
            this.document = document;
        }

        @SuppressWarnings("unchecked")
        static Api read(String name, URI base, String token) {
            Answer answer = send(base, new Mutant("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"),
                    null));
            if (answer.status != 200) {
                throw new IllegalStateException(name + ": /q/openapi answered " + answer.status);
            }
            Api api = new Api(name, base, (Map<String, Object>) Json.parse(answer.text()));
            Map<String, Object> paths = (Map<String, Object>) api.document.getOrDefault("paths", Map.of());
            Map<String, String> ids = api.sampleIds(paths, token);
            for (Map.Entry<String, Object> path : paths.entrySet()) {
                Map<String, Object> item = (Map<String, Object>) path.getValue();
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    if (item.get(method) instanceof Map<?, ?> op) {
                        api.operations.add(api.operation(method.toUpperCase(), path.getKey(), item,
                                (Map<String, Object>) op, ids));
                    }
                }
            }
            System.out.printf("%-9s %3d operations from %s/q/openapi%n", name, api.operations.size(), base);
            return api;
        }

        @SuppressWarnings("unchecked")
        Operation operation(String method, String path, Map<String, Object> item, Map<String, Object> op,
                Map<String, String> ids) {
            List<Param> params = new ArrayList<>();
            List<Object> declared = new ArrayList<>((List<Object>) item.getOrDefault("parameters", List.of()));
            declared.addAll((List<Object>) op.getOrDefault("parameters", List.of()));
            for (Object p : declared) {
                Map<String, Object> param = resolve((Map<String, Object>) p);
                params.add(new Param((String) param.get("name"), (String) param.get("in"),
                        resolve((Map<String, Object>) param.getOrDefault("schema", Map.of())),
                        Boolean.TRUE.equals(param.get("required"))));
            }
            Map<String, Object> body = null;
            String bodyType = null;
            if (op.get("requestBody") instanceof Map<?, ?> requestBody) {
                Map<String, Object> content = (Map<String, Object>) resolve((Map<String, Object>) requestBody)
                        .getOrDefault("content", Map.of());
                bodyType = content.containsKey("application/json") ? "application/json"
                        : content.keySet().stream().findFirst().orElse(null);
                if (bodyType != null) {
                    body = resolve((Map<String, Object>) ((Map<String, Object>) content.get(bodyType))
                            .getOrDefault("schema", Map.of()));
                }
            }
            // public: what the document marks so (an empty security requirement), what is outside /api/ (OAuth,
            // discovery) and the token endpoints of docs/API.md; every other operation must refuse a bad token
            boolean open = op.get("security") instanceof List<?> security && security.isEmpty()
                    || !path.startsWith("/api/") || PUBLIC_API.contains(path);
            Map<String, String> pathValues = new LinkedHashMap<>();
            for (Param param : params) {
                if (param.in.equals("path")) {
                    String real = ids.get(path.substring(0, path.indexOf("{" + param.name + "}")));
                    pathValues.put(param.name, real != null && method.equals("GET") ? real : unknownId(real));
                }
            }
            return new Operation(method, path, params, body, bodyType, open, pathValues, declaredScopes(op));
        }

        /** The operation's security requirements (the document's when it has none of its own), null if none. */
        @SuppressWarnings("unchecked")
        List<Set<String>> declaredScopes(Map<String, Object> op) {
            Object security = op.containsKey("security") ? op.get("security") : document.get("security");
            if (!(security instanceof List<?> requirements)) {
                return null;
            }
            List<Set<String>> scopes = new ArrayList<>();
            for (Object requirement : requirements) {
                Set<String> all = new java.util.TreeSet<>();
                ((Map<String, Object>) requirement).values().forEach(names -> all.addAll((List<String>) names));
                scopes.add(all);
            }
            return scopes;
        }

        /** A well-formed id of the same kind that names nothing, so writes never touch real data. */
        static String unknownId(String real) {
            String prefix = real != null && real.indexOf('_') > 0 ? real.substring(0, real.indexOf('_') + 1) : "";
            return prefix + "01JZZZZZZZZZZZZZZZZZZZZZZZ";
        }

        /** For each collection path (with a trailing slash): the id of its first item, when the caller sees one. */
        @SuppressWarnings("unchecked")
        Map<String, String> sampleIds(Map<String, Object> paths, String token) {
            Map<String, String> ids = new LinkedHashMap<>();
            for (String path : paths.keySet()) {
                if (path.contains("{") || !(((Map<String, Object>) paths.get(path)).get("get") instanceof Map)) {
                    continue;
                }
                Answer answer = send(base, new Mutant("GET", path + "?limit=1", Map.of("Authorization",
                        "Bearer " + token), null));
                if (answer.status == 200 && Json.parseOrNull(answer.text()) instanceof Map<?, ?> page
                        && page.get("data") instanceof List<?> data && !data.isEmpty()
                        && data.get(0) instanceof Map<?, ?> first && idOf(first, key(paths.keySet(), path)) != null) {
                    ids.put(path + "/", idOf(first, key(paths.keySet(), path)));
                }
            }
            return ids;
        }

        /**
         * What names one item of a collection: the parameter of its {@code /{...}} paths ({@code clientId}, {@code sku},
         * ...), or {@code id}.
         */
        static String key(java.util.Collection<String> paths, String collection) {
            for (String path : paths) {
                if (path.startsWith(collection + "/{")) {
                    return path.substring(collection.length() + 2, path.indexOf('}'));
                }
            }
            return "id";
        }

        /** The item's value of {@code key}, or its {@code id}. */
        static String idOf(Map<?, ?> item, String key) {
            return item.get(key) instanceof String value ? value : item.get("id") instanceof String id ? id : null;
        }

        /** The totals of every list that reports one, read with {@code token}. */
        Map<String, Long> collectionTotals(String token) {
            Map<String, Long> totals = new TreeMap<>();
            for (Operation op : operations) {
                if (!op.method.equals("GET") || op.path.contains("{")) {
                    continue;
                }
                String filter = REFUSALS_RECORDED.containsKey(op.path) ? "&" + REFUSALS_RECORDED.get(op.path) : "";
                Answer answer = send(base, new Mutant("GET", op.path + "?limit=1" + filter, Map.of("Authorization",
                        "Bearer " + token), null));
                if (answer.status == 200 && Json.parseOrNull(answer.text()) instanceof Map<?, ?> page
                        && page.get("pagination") instanceof Map<?, ?> pagination
                        && pagination.get("total") instanceof BigDecimal total) {
                    totals.put(op.path, total.longValue());
                }
            }
            return totals;
        }

        /** What a write belongs to: the first segment after /api/v1 (a write to a plan may change its versions). */
        static String area(String path) {
            String[] segments = path.split("/");
            return segments.length > 3 ? segments[3] : path;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> resolve(Map<String, Object> schema) {
            Map<String, Object> current = schema;
            for (int guard = 0; guard < 20 && current.get("$ref") instanceof String ref; guard++) {
                Object target = document;
                for (String part : ref.substring(2).split("/")) {
                    target = ((Map<String, Object>) target).get(part);
                }
                current = (Map<String, Object>) target;
            }
            if (current.get("allOf") instanceof List<?> all) {
                Map<String, Object> merged = new LinkedHashMap<>(current);
                merged.remove("allOf");
                Map<String, Object> properties = new LinkedHashMap<>();
                List<Object> required = new ArrayList<>();
                for (Object part : all) {
                    Map<String, Object> resolved = resolve((Map<String, Object>) part);
                    merged.putIfAbsent("type", resolved.get("type"));
                    properties.putAll((Map<String, Object>) resolved.getOrDefault("properties", Map.of()));
                    required.addAll((List<Object>) resolved.getOrDefault("required", List.of()));
                }
                merged.put("properties", properties);
                merged.put("required", required);
                return merged;
            }
            for (String choice : List.of("oneOf", "anyOf")) {
                if (current.get(choice) instanceof List<?> options && !options.isEmpty()) {
                    for (Object option : options) {
                        Map<String, Object> resolved = resolve((Map<String, Object>) option);
                        if (!"null".equals(resolved.get("type"))) {
                            return resolved;
                        }
                    }
                }
            }
            return current;
        }
    }

    // ---------------------------------------------------------------- requests and their mutations

    record Mutant(String method, byte[] target, Map<String, String> headers, byte[] body, String kind) {
        Mutant(String method, String target, Map<String, String> headers, byte[] body) {
            this(method, target.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(headers), body, "plain");
        }

        String describe() {
            String target = new String(this.target, StandardCharsets.UTF_8);
            String body = this.body == null ? "" : " body " + this.body.length + " B";
            if (this.body != null && this.body.length <= 120) {
                body += " " + new String(this.body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
            }
            return "[" + kind + "] " + method + " " + (target.length() > 140 ? target.substring(0, 140) + "…" : target)
                    + " ct=" + headers.get("Content-Type") + body;
        }
    }

    static final class Mutator {
        static final String[] INJECTIONS = {
            "' or 1=1--", "'; drop table outbox_event;--", "\" or \"\"=\"", "%00", "a%00b", "../../etc/passwd",
            "..%2f..%2f", "%2e%2e%2f", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "<script>alert(1)</script>",
            "\u202e\u0645\u0631\u062d\u0628\u0627", "\ud83d\ude00\u00e9\u00df", "%ff%fe", "%c0%af", "%",
            "%zz", "-1", "0", "99999999999999999999999999", "1e309", "NaN", "null", "true", "[]", "{}",
            "$eq(id,'x')", "*", "\\", ";", "a".repeat(5000), "\u0000", "\t\n",
        };
        static final String[] CONTENT_TYPES = {
            null, "", "application/", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=latin1",
            "application/json;;;", "*/*", "application/json\u0000", "APPLICATION/JSON", "application/merge-patch+json",
        };
        static final String[] FILTER_FIELDS = {"id", "name", "status", "createdAt", "updatedAt", "organizationId",
            "owner_path", "x"};

        final Random random;
        final Operation op;
        final String token;

        Mutator(Random random, Operation op, String token) {
            this.random = random;
            this.op = op;
            this.token = token;
        }

        Mutant mutate(boolean baseline) {
            Map<String, String> pathValues = new LinkedHashMap<>(op.pathValues);
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            Object body = op.body == null ? null : new Generator(random).value(op.body, 0);
            String contentType = op.bodyType;
            byte[] rawBody = null;
            String kind = "baseline";
            boolean list = op.method.equals("GET") && !op.path.endsWith("}");
            if (!baseline) {
                List<String> kinds = new ArrayList<>(List.of("query injection", "header"));
                if (!pathValues.isEmpty()) {
                    kinds.add("path injection");
                    kinds.add("path injection");
                }
                if (list) {
                    kinds.addAll(List.of("filter expression", "filter expression", "plain filter", "sort"));
                }
                if (op.body != null) {
                    kinds.addAll(List.of("wrong type", "wrong type", "missing required", "extra field", "huge string",
                            "deep nesting", "invalid utf-8", "content type", "encoding", "broken json", "json value"));
                }
                if (WRITES.contains(op.method) && op.body == null) {
                    kinds.addAll(List.of("unexpected body", "content type"));
                }
                kind = kinds.get(random.nextInt(kinds.size()));
                switch (kind) {
                    case "path injection" -> {
                        String name = pick(new ArrayList<>(pathValues.keySet()));
                        pathValues.put(name, injection());
                    }
                    case "query injection" -> {
                        List<Param> queryParams = op.params.stream().filter(p -> p.in.equals("query")).toList();
                        String name = queryParams.isEmpty() ? pick(List.of("page", "limit", "offset", "q"))
                                : pick(queryParams).name;
                        query.put(name, injection());
                        if (random.nextBoolean()) {
                            query.put(name + "[" + pick(List.of("eq", "in", "like", "gte", "zz", "")) + "]", injection());
                        }
                    }
                    case "plain filter" -> query.put(pick(FILTER_FIELDS) + "["
                            + pick(List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "like", "xx", "eq][eq")) + "]",
                            injection());
                    case "filter expression" -> query.put("filter", filterExpression());
                    case "sort" -> query.put("sort", pick(List.of("-", "+", ",", "-name;drop table x", "name desc",
                            "(select 1)", "-createdAt,-createdAt", injection(), "x".repeat(3000))));
                    case "header" -> headers.putAll(oddHeader());
                    case "wrong type" -> body = Json.replaceSomewhere(body, random, this::wrongType);
                    case "missing required" -> body = Json.removeRequired(body, op.body, random);
                    case "extra field" -> body = Json.addField(body, random, "fuzz" + random.nextInt(100), injection());
                    case "huge string" -> body = Json.replaceSomewhere(body, random,
                            v -> "x".repeat(random.nextInt(4) > 0 ? 1_100_000 : 900_000));
                    case "deep nesting" -> rawBody = deep(random.nextBoolean() ? 10_000 : 1_001);
                    case "invalid utf-8" -> rawBody = invalidUtf8(body);
                    case "content type" -> contentType = pick(CONTENT_TYPES);
                    case "encoding" -> {
                        headers.put(random.nextBoolean() ? "Content-Encoding" : "Transfer-Encoding",
                                pick(List.of("gzip", "deflate", "br", "identity, gzip", "x-unknown", "chunked, gzip")));
                        if (headers.containsKey("Transfer-Encoding")) {
                            headers.remove("Transfer-Encoding");
                            headers.put("Content-Encoding", "gzip");
                        }
                    }
                    case "broken json" -> rawBody = brokenJson(Json.write(body));
                    case "json value" -> body = Json.parseOrNull(pick(List.of("null", "1", "\"x\"", "[]", "true",
                            "[{}]", "{}", "-0", "1e999999")));
                    case "unexpected body" -> {
                        rawBody = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                        contentType = "application/json";
                    }
                    default -> throw new IllegalStateException(kind);
                }
            }
            if (rawBody == null && (body != null || op.body != null)) {
                rawBody = Json.write(body).getBytes(StandardCharsets.UTF_8);
            }
            if (contentType != null && rawBody != null) {
                headers.put("Content-Type", contentType);
            }
            if (baseline && WRITES.contains(op.method) && op.method.equals("POST")) {
                headers.put("Idempotency-Key", "fuzz-" + random.nextLong());
            }
            return new Mutant(op.method, target(pathValues, query), headers, rawBody, kind);
        }

        byte[] target(Map<String, String> pathValues, Map<String, String> query) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String path = op.path;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", encodePath(value.getValue()));
            }
            out.writeBytes(path.getBytes(StandardCharsets.UTF_8));
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                out.writeBytes((separator + encodeQuery(parameter.getKey()) + "=" + encodeQuery(parameter.getValue()))
                        .getBytes(StandardCharsets.UTF_8));
                separator = "&";
            }
            return out.toByteArray();
        }

        /** Injection strings that look like escapes stay raw (the server must decode them); the rest is encoded. */
        String encodePath(String value) {
            return value.startsWith("%") || value.contains("%0") || value.contains("%2") ? value
                    : enc(value).replace("+", "%20");
        }

        String encodeQuery(String value) {
            return value.matches("%[0-9a-zA-Z]{2}.*|%|a%00b") ? value : enc(value);
        }

        String injection() {
            return pick(List.of(INJECTIONS));
        }

        String filterExpression() {
            String field = pick(FILTER_FIELDS);
            String value = "'" + injection().replace("'", "''") + "'";
            return pick(List.of(
                    "$eq(" + field + "," + value + ")",
                    "$eq(" + field + ",'x')-or-$eq(1,1)",
                    "$like(" + field + ",'%')-and-$in(status," + value + ",'A')",
                    "$gteq(createdAt,$date_add($date_now(),-30,'day'))-and-$eq(" + field + "," + value + ")",
                    "$eq(name,'x' or 1=1--)",
                    "$eq(name,'x'); drop table outbox_event;--",
                    "(".repeat(50) + "$eq(id,'x')" + ")".repeat(50),
                    "$eq(id,'x')-and-".repeat(60) + "$eq(id,'x')",
                    "$eq(id," + "9".repeat(40) + ")",
                    "$date_add($date_now(),99999999999,'year')",
                    "$gteq(createdAt,$date_add($date_now()," + "9".repeat(12) + ",'day'))",
                    "$eq(id,$me())", "$unknown(id)", "$eq(", "", "-and-", "$eq(id,'x'", "x".repeat(2100)));
        }

        Map<String, String> oddHeader() {
            return switch (random.nextInt(8)) {
                case 0 -> Map.of("Authorization", "Bearer " + token + "x");
                case 1 -> Map.of("Idempotency-Key", pick(List.of("", " ", "\u00e9", "k".repeat(300), "a b")));
                case 2 -> Map.of("Accept", pick(List.of("application/xml", "text/html", "*/*;q=x", "image/png")));
                case 3 -> Map.of("X-Request-ID", pick(List.of("", "x".repeat(5000), "\u00e9\u00e9", "' or 1=1--")));
                case 4 -> Map.of("Authorization", pick(List.of("Bearer", "Bearer ", "Bearer .", "Bearer ...",
                        "Basic Zm9vOmJhcg==", "bearer " + token, "Bearer " + token + " " + token)));
                case 5 -> Map.of("Accept-Charset", "utf-16", "Accept-Encoding", "gzip, x-odd");
                case 6 -> Map.of("Content-Type", pick(CONTENT_TYPES) == null ? "" : "text/plain");
                default -> Map.of("X-Forwarded-For", "' or 1=1--, 999.1.1.1");
            };
        }

        Object wrongType(Object value) {
            if (value instanceof String) {
                return pick(List.of(new BigDecimal(1), true, List.of(), Map.of(), new BigDecimal("1e400")));
            }
            if (value instanceof BigDecimal) {
                return pick(List.of("1", "x", true, new BigDecimal("1.5"), new BigDecimal("1" + "0".repeat(30)),
                        List.of(1)));
            }
            if (value instanceof Boolean) {
                return pick(List.of("true", 1, List.of()));
            }
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                return pick(List.of("x", new BigDecimal(1), false));
            }
            return pick(List.of("x", new BigDecimal(1), Map.of("a", 1)));
        }

        byte[] deep(int levels) {
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            return ("{\"x\":" + open.repeat(levels) + "1" + close.repeat(levels) + "}").getBytes(StandardCharsets.UTF_8);
        }

        byte[] invalidUtf8(Object body) {
            byte[] bad = pick(List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE9},
                    new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
            String marker = "\u0001MARK\u0001";
            String json = Json.write(Json.replaceSomewhere(body, random, v -> marker));
            if (!json.contains("\\u0001MARK\\u0001")) {
                json = "{\"name\":\"\\u0001MARK\\u0001\"}";
            }
            int at = json.indexOf("\\u0001MARK\\u0001");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes("a".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(json.substring(at + "\\u0001MARK\\u0001".length()).getBytes(StandardCharsets.UTF_8));
            if (random.nextInt(4) == 0) {
                return json.getBytes(StandardCharsets.UTF_16);
            }
            return out.toByteArray();
        }

        byte[] brokenJson(String json) {
            String broken = switch (random.nextInt(7)) {
                case 0 -> json.substring(0, json.length() / 2);
                case 1 -> json + " {}";
                case 2 -> json.startsWith("{\"") ? "{\"dup\":1,\"dup\":2," + json.substring(1) : json + "]";
                case 3 -> json.replace("\"", "'");
                case 4 -> json.replaceFirst(":\"", ":\"\\\\u0000");
                case 5 -> "";
                default -> "{\"a\":" + "9".repeat(1500) + "}";
            };
            return broken.getBytes(StandardCharsets.UTF_8);
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    /** A plausible value for a schema: enums take a value of theirs, formats a well-formed example. */
    record Generator(Random random) {
        @SuppressWarnings("unchecked")
        Object value(Map<String, Object> schema, int depth) {
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return values.get(random.nextInt(values.size()));
            }
            String type = type(schema);
            String format = String.valueOf(schema.get("format"));
            return switch (type) {
                case "object" -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                    List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
                    for (Map.Entry<String, Object> property : properties.entrySet()) {
                        if (depth < 6 && (required.contains(property.getKey()) || random.nextInt(3) == 0)) {
                            object.put(property.getKey(), value(resolveNested(property.getValue()), depth + 1));
                        }
                    }
                    yield object;
                }
                case "array" -> depth < 6 && schema.get("items") instanceof Map<?, ?> items
                        ? new ArrayList<>(List.of(value(resolveNested(items), depth + 1))) : new ArrayList<>();
                case "integer" -> new BigDecimal(1 + random.nextInt(5));
                case "number" -> new BigDecimal("12.50");
                case "boolean" -> random.nextBoolean();
                default -> switch (format) {
                    case "date" -> "2026-01-01";
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "email" -> "fuzz" + random.nextInt(1000) + "@example.com";
                    case "uri", "url" -> "https://example.com/fuzz";
                    case "uuid" -> java.util.UUID.randomUUID().toString();
                    default -> schema.get("pattern") != null ? "AB" : "fuzz " + random.nextInt(1000);
                };
            };
        }

        Map<String, Object> resolveNested(Object schema) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) schema;
            return CURRENT.get().resolve(map);
        }

        static String type(Map<String, Object> schema) {
            Object type = schema.get("type");
            if (type instanceof List<?> types) {
                return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("string");
            }
            if (type == null) {
                return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
            }
            return (String) type;
        }
    }

    /** The service whose document resolves the nested schemas the generator meets. */
    static final ThreadLocal<Api> CURRENT = new ThreadLocal<>();

    // ---------------------------------------------------------------- what was seen

    static final class Tally {
        final String service;
        final long slowMillis;
        final Map<String, AtomicLong> byClass = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> violations = new ConcurrentHashMap<>();
        final Map<String, List<String>> examples = new ConcurrentHashMap<>();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong httpLayerRefusals = new AtomicLong();
        final AtomicLong maxMillis = new AtomicLong();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int collectionsChecked;
        int collectionsWritten;

        Tally(String service, long slowMillis) {
            this.service = service;
            this.slowMillis = slowMillis;
        }

        void record(Mutant request, Answer answer, String id) {
            requests.incrementAndGet();
            latencies.add(answer.millis);
            maxMillis.accumulateAndGet(answer.millis, Math::max);
            String statusClass = answer.status < 0 ? "none" : answer.status / 100 + "xx";
            byClass.computeIfAbsent(statusClass, k -> new AtomicLong()).incrementAndGet();
            String what = id + " " + request.describe() + " -> " + answer.status + " " + answer.millis + " ms "
                    + snippet(answer);
            if (answer.status < 0) {
                violation("no answer", what);
            } else if (answer.status >= 500) {
                violation("5xx", what);
            }
            if (answer.millis > slowMillis) {
                violation("slower than " + slowMillis + " ms", what);
            }
            String shape = errorShape(new String(request.target, StandardCharsets.UTF_8), answer);
            if (answer.body.length == 0 && (HTTP_LAYER_REFUSALS.contains(answer.status)
                    || answer.status == 400 && (brokenEscape(new String(request.target, StandardCharsets.UTF_8))
                            || request.headers.values().stream().anyMatch(v -> v.chars().anyMatch(c -> c < 0x20))))) {
                httpLayerRefusals.incrementAndGet();
            } else if (shape != null) {
                violation("error shape: " + shape, what);
            }
        }

        /** A {@code %} not followed by two hex digits. */
        static boolean brokenEscape(String target) {
            return java.util.regex.Pattern.compile("%(?![0-9a-fA-F]{2})").matcher(target).find();
        }

        static String snippet(Answer answer) {
            String text = answer.text().replaceAll("\\s+", " ");
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }

        /** Null when a 4xx is in the API error shape (or is not a 4xx); what is wrong otherwise. */
        static String errorShape(String target, Answer answer) {
            if (answer.status < 400 || answer.status >= 500 || target.startsWith("/oauth/")) {
                return null;
            }
            if (!(Json.parseOrNull(answer.text()) instanceof Map<?, ?> error)) {
                return answer.status + " body is not a JSON object";
            }
            if (!(error.get("code") instanceof BigDecimal code) || code.intValue() != answer.status) {
                return answer.status + " without a matching code";
            }
            if (!(error.get("message") instanceof String message) || message.isBlank()) {
                return answer.status + " without a message";
            }
            if (answer.status == 400 && !(error.get("errors") instanceof List<?>)) {
                return "400 without errors";
            }
            return null;
        }

        void violation(String kind, String example) {
            violations.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            List<String> list = examples.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()));
            if (list.size() < EXAMPLES) {
                list.add(example);
            }
        }

        boolean print() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99));
            System.out.printf("%-9s requests %6d  2xx %5d  3xx %3d  4xx %6d  5xx %3d  no answer %3d  p99 %4d ms  max %5d ms"
                    + "  HTTP layer (no body) %d  collections unchanged %d/%d (%d written to)%n", service, requests.get(), count("2xx"),
                    count("3xx"), count("4xx"), count("5xx"), count("none"), p99, maxMillis.get(), httpLayerRefusals.get(),
                    collectionsChecked - violations.getOrDefault("stored by a refused request", new AtomicLong()).get(),
                    collectionsChecked, collectionsWritten);
            new TreeMap<>(violations).forEach((kind, n) -> {
                System.out.printf("    VIOLATION %-40s %d%n", kind, n.get());
                examples.get(kind).forEach(e -> System.out.println("        e.g. " + e));
            });
            return violations.isEmpty();
        }

        long count(String statusClass) {
            return byClass.getOrDefault(statusClass, new AtomicLong()).get();
        }
    }

    // ---------------------------------------------------------------- the authorization matrix

    static final class AuthorizationMatrix {
        final Fuzz fuzz;
        final Map<String, Api> apis;

        AuthorizationMatrix(Fuzz fuzz, Map<String, Api> apis) {
            this.fuzz = fuzz;
            this.apis = apis;
        }

        boolean run() throws Exception {
            URI identity = fuzz.services.get("identity");
            Map<String, String> invalid = invalidTokens(identity);
            String otherScope = fuzz.token(identity, ADMIN_SCOPE_OTHER);
            Tally tally = new Tally("authz", Long.MAX_VALUE);
            int operations = 0;
            int open = 0;
            for (Api api : apis.values()) {
                CURRENT.set(api);
                for (Operation op : api.operations) {
                    operations++;
                    open += op.open ? 1 : 0;
                    Mutant baseline = new Mutator(new Random(fuzz.seed), op, "x").mutate(true);
                    for (Map.Entry<String, String> token : invalid.entrySet()) {
                        Map<String, String> headers = new LinkedHashMap<>(baseline.headers);
                        if (token.getValue() == null) {
                            headers.remove("Authorization");
                        } else {
                            headers.put("Authorization", "Bearer " + token.getValue());
                        }
                        Mutant request = new Mutant(op.method, baseline.target, headers, baseline.body, token.getKey());
                        Answer answer = send(api.base, request);
                        tally.record(request, answer, api.name);
                        boolean anonymousOk = op.open && token.getValue() == null;
                        if (!anonymousOk && !op.open && answer.status != 401) {
                            tally.violation("not 401 for " + token.getKey(), api.name + " " + request.describe()
                                    + " -> " + answer.status + " " + Tally.snippet(answer));
                        } else if (!op.open && answer.status == 401 && !String.valueOf(answer.headers.get("WWW-Authenticate"))
                                .startsWith("Bearer")) {
                            tally.violation("401 without WWW-Authenticate: Bearer", api.name + " " + request.describe());
                        }
                    }
                    if (!op.open && !op.path.startsWith("/api/v1/audit")) {
                        Map<String, String> headers = new LinkedHashMap<>(baseline.headers);
                        headers.put("Authorization", "Bearer " + otherScope);
                        Mutant request = new Mutant(op.method, baseline.target, headers, baseline.body,
                                "only " + ADMIN_SCOPE_OTHER);
                        Answer answer = send(api.base, request);
                        tally.record(request, answer, api.name);
                        if (answer.status >= 200 && answer.status < 300) {
                            tally.violation("2xx without the endpoint's scope", api.name + " " + request.describe()
                                    + " -> " + answer.status + " " + Tally.snippet(answer));
                        }
                    }
                }
            }
            System.out.printf("authorization matrix: %d operations (%d public) x %d invalid tokens + one unrelated "
                    + "scope%n", operations, open, invalid.size());
            return tally.print();
        }

        /** No token, garbage, alg none, another issuer, forged and expired, tampered, revoked: each must be 401. */
        Map<String, String> invalidTokens(URI identity) throws Exception {
            String real = fuzz.token(identity, null);
            String[] parts = real.split("\\.");
            Map<String, Object> header = asMap(Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]),
                    StandardCharsets.UTF_8)));
            Map<String, Object> claims = asMap(Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)));
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("no token", null);
            tokens.put("garbage token", "not-a-jwt");
            tokens.put("dots token", "..");
            Map<String, Object> none = new LinkedHashMap<>(header);
            none.put("alg", "none");
            tokens.put("alg none", b64(Json.write(none)) + "." + parts[1] + ".");
            Map<String, Object> otherIssuer = new LinkedHashMap<>(claims);
            otherIssuer.put("iss", "https://issuer.example.invalid");
            tokens.put("other issuer", signWithOwnKey(header, otherIssuer));
            Map<String, Object> expired = new LinkedHashMap<>(claims);
            long past = Instant.now().minusSeconds(7200).getEpochSecond();
            expired.put("iat", new BigDecimal(past));
            expired.put("exp", new BigDecimal(past + 3600));
            tokens.put("expired (forged)", signWithOwnKey(header, expired));
            tokens.put("tampered", parts[0] + "." + b64(Json.write(expired)) + "." + parts[2]);
            tokens.put("revoked", revoked(identity));
            return tokens;
        }

        /** A real token revoked through {@code /oauth/revoke}, once catalog-service has heard of it. */
        String revoked(URI identity) throws Exception {
            String token = fuzz.token(identity, null);
            String form = "token=" + enc(token) + "&client_id=" + enc(fuzz.clientId) + "&client_secret="
                    + enc(fuzz.clientSecret);
            Answer answer = send(identity, new Mutant("POST", "/oauth/revoke",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8)));
            if (answer.status != 200) {
                throw new IllegalStateException("/oauth/revoke answered " + answer.status + " " + answer.text());
            }
            for (Api api : apis.values()) {
                Operation read = api.operations.stream().filter(op -> op.method.equals("GET") && !op.open
                        && !op.path.contains("{")).findFirst().orElse(null);
                for (int attempt = 0; read != null && attempt < 100; attempt++) {
                    Answer probe = send(api.base, new Mutant("GET", read.path,
                            Map.of("Authorization", "Bearer " + token), null));
                    if (probe.status == 401) {
                        break;
                    }
                    Thread.sleep(100);
                }
            }
            return token;
        }

        static String signWithOwnKey(Map<String, Object> header, Map<String, Object> claims) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(generator.generateKeyPair().getPrivate());
            String input = b64(Json.write(header)) + "." + b64(Json.write(claims));
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        }

        static String b64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> asMap(Object value) {
            return (Map<String, Object>) value;
        }
    }

    // ---------------------------------------------------------------- a small JSON reader and writer

    static final class Json {
        final String text;
        int at;

        Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + json.at);
            }
            return value;
        }

        static Object parseOrNull(String text) {
            try {
                return parse(text);
            } catch (RuntimeException e) {
                return null;
            }
        }

        void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        Object value() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    at++;
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return object;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        object.put(key, value());
                        space();
                        if (text.charAt(at++) == '}') {
                            return object;
                        }
                    }
                }
                case '[' -> {
                    List<Object> array = new ArrayList<>();
                    at++;
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return array;
                    }
                    while (true) {
                        array.add(value());
                        space();
                        if (text.charAt(at++) == ']') {
                            return array;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String word : List.of("true", "false", "null")) {
                        if (text.startsWith(word, at)) {
                            at += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word);
                        }
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    return new BigDecimal(text.substring(start, at));
                }
            }
        }

        void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                out.append('"');
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    write(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof BigDecimal number) {
                out.append(number.toString());
            } else {
                out.append(value);
            }
        }

        /** Replaces one value somewhere in {@code body} (the whole body when it holds no field). */
        @SuppressWarnings("unchecked")
        static Object replaceSomewhere(Object body, Random random, Function<Object, Object> change) {
            List<Object[]> slots = new ArrayList<>();
            collect(body, slots);
            if (slots.isEmpty()) {
                return change.apply(body);
            }
            Object[] slot = slots.get(random.nextInt(slots.size()));
            if (slot[0] instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(slot[1], change.apply(map.get(slot[1])));
            } else {
                List<Object> list = (List<Object>) slot[0];
                int index = (Integer) slot[1];
                list.set(index, change.apply(list.get(index)));
            }
            return body;
        }

        static void collect(Object value, List<Object[]> slots) {
            if (value instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    slots.add(new Object[] {map, key});
                    collect(map.get(key), slots);
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    slots.add(new Object[] {list, i});
                    collect(list.get(i), slots);
                }
            }
        }

        /** Drops a required field of the top-level object (or any field when none is required). */
        @SuppressWarnings("unchecked")
        static Object removeRequired(Object body, Map<String, Object> schema, Random random) {
            if (!(body instanceof Map<?, ?> map) || map.isEmpty()) {
                return null;
            }
            List<Object> required = new ArrayList<>((List<Object>) schema.getOrDefault("required", List.of()));
            required.retainAll(map.keySet());
            List<Object> keys = required.isEmpty() ? new ArrayList<>(map.keySet()) : required;
            map.remove(keys.get(random.nextInt(keys.size())));
            return body;
        }

        @SuppressWarnings("unchecked")
        static Object addField(Object body, Random random, String name, Object value) {
            List<Map<Object, Object>> objects = new ArrayList<>();
            List<Object[]> slots = new ArrayList<>();
            collect(body, slots);
            if (body instanceof Map<?, ?> map) {
                objects.add((Map<Object, Object>) map);
            }
            for (Object[] slot : slots) {
                Object held = slot[0] instanceof Map<?, ?> m ? m.get(slot[1]) : ((List<?>) slot[0]).get((Integer) slot[1]);
                if (held instanceof Map<?, ?> m) {
                    objects.add((Map<Object, Object>) m);
                }
            }
            if (objects.isEmpty()) {
                return Map.of(name, value);
            }
            objects.get(random.nextInt(objects.size())).put(name, value);
            return body;
        }
    }
}
