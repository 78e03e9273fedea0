import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The load and the bookkeeping of the crash drill (bench/drill.sh does the crashing). Through the public API only:
 * a tenant of its own under the demo partner, given the demo listing by an accepted private offer; a platform
 * webhook endpoint (with descendants) on a receiver in this JVM for {@code transaction.processed}. Then, until the
 * stop file appears: usage batches of quantity-1 events with ids of their own, and INITIAL orders for the tenant,
 * each request retried with the same Idempotency-Key (and the same event ids) until it is acknowledged, as a client
 * should. Every invoice finalized before the load (the demo month's) is read before and after: none may change.
 * Then it waits for everything to settle, prints the invariants and deletes its webhook endpoint (its receiver ends
 * with it); exit status 1 when an invariant is broken.
 *
 * <p>Arguments: identity catalog order metering billing webhook URLs, client id, client secret, work folder, usage events
 * per second, orders per second.
 */
public class Drill {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMinutes(7);
    private static final int EVENTS_PER_BATCH = 20;

    private final String identity, catalog, order, metering, billing, webhook, clientId, clientSecret;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = "drill-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
            .replaceAll("[^0-9]", "").substring(4) + "-" + (int) (Math.random() * 1000);
    private volatile String token;

    /** Requests not acknowledged yet: sent again until they are. */
    private final ConcurrentLinkedQueue<Pending> unacknowledged = new ConcurrentLinkedQueue<>();
    private final Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> transactions = ConcurrentHashMap.newKeySet();
    private final Set<String> processedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong retries = new AtomicLong();
    /** Deliveries received: webhook-id → count, and the transaction ids they were about. */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> messagesPerTransaction = new ConcurrentHashMap<>();

    private String tenant, csn, listing, endpoint;
    /** How far the suite's business clock is ahead (its test clock; zero without one): usage and orders are dated by it. */
    private Duration businessOffset = Duration.ZERO;
    /** Every invoice finalized before the load began, as the API showed it then. */
    private Map<String, JsonNode> finalizedInvoices = Map.of();

    Drill(String[] args) {
        identity = args[0];
        catalog = args[1];
        order = args[2];
        metering = args[3];
        billing = args[4];
        webhook = args[5];
        clientId = args[6];
        clientSecret = args[7];
        work = Path.of(args[8]);
    }

    public static void main(String[] args) throws Exception {
        Drill drill = new Drill(args);
        System.exit(drill.drill(Integer.parseInt(args[9]), Double.parseDouble(args[10])) ? 0 : 1);
    }

    boolean drill(int eventsPerSecond, double ordersPerSecond) throws Exception {
        HttpServer receiver = receiver();
        setUp(receiver.getAddress().getPort());
        Instant started = Instant.now();
        Files.writeString(work.resolve("loading"), run);
        log("loading: %d usage events/s, %.1f orders/s, until %s appears", eventsPerSecond, ordersPerSecond,
                work.resolve("stop"));
        Load usage = new Load("usage batches", (double) eventsPerSecond / EVENTS_PER_BATCH, this::usageBatch);
        Load orders = new Load("orders", ordersPerSecond, this::initialOrder);
        usage.start();
        orders.start();
        usage.join();
        orders.join();
        log("load stopped after %d s: %d usage batches, %d orders sent; settling (up to %d min)",
                Duration.between(started, Instant.now()).toSeconds(), usage.sent, orders.sent, SETTLE.toMinutes());
        boolean held = settle(started);
        // the receiver goes with this JVM: its endpoint would only collect failed deliveries from now on
        if (optional("DELETE", webhook + "/api/v1/webhooks/" + endpoint, null, null, 204) == null) {
            log("could not delete the drill's webhook endpoint %s: delete it by hand", endpoint);
        }
        receiver.stop(0);
        return held;
    }

    /**
     * Requests of one kind at a steady rate on a thread of their own (so a service that is down holds up only its
     * own kind), each sent again every second until it is acknowledged.
     */
    private final class Load extends Thread {
        private final double perSecond;
        private final LongFunction<Pending> requests;
        private long sent;

        Load(String name, double perSecond, LongFunction<Pending> requests) {
            super(name);
            this.perSecond = perSecond;
            this.requests = requests;
        }

        @Override
        public void run() {
            long start = System.nanoTime(), lastRetry = start;
            while (!Files.exists(work.resolve("stop"))) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
                while (sent < due) {
                    send(requests.apply(sent++));
                }
                if (System.nanoTime() - lastRetry > 1_000_000_000L) {
                    retryUnacknowledged(this);
                    lastRetry = System.nanoTime();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---- set-up --------------------------------------------------------------------------------------------

    private void setUp(int receiverPort) throws Exception {
        token = token();
        JsonNode clock = optional("GET", metering + "/api/v1/test-clock", null, null, 200);
        if (clock != null) {
            businessOffset = Duration.parse(clock.get("data").get("offset").asText());
        }
        finalizedInvoices = finalizedInvoices();
        log("business time %s (test clock %s ahead); %d finalized invoice(s) to watch", businessNow(), businessOffset,
                finalizedInvoices.size());
        String partner = first(identity + "/api/v1/partners?name=" + encode("Helsinki Cloud Partners Oy"));
        String vendor = first(identity + "/api/v1/vendors?name=" + encode("CloudMeter Inc"));
        listing = first(catalog + "/api/v1/listings?vendorId=" + vendor);
        JsonNode created = call("POST", identity + "/api/v1/tenants", """
                {"name": "Drill %s", "countryCode": "FI", "currency": "eur", "parentId": "%s"}""".formatted(run, partner),
                null, 201).get("data");
        tenant = created.get("id").asText();
        csn = created.get("customerNumber").asText();
        log("tenant %s (%s) under the demo partner; listing %s", tenant, csn, listing);
        String offer = until("catalog-service knows the tenant", () -> optional("POST", catalog + "/api/v1/private-offers", """
                {"listingId": "%s", "customerId": "%s", "title": "Drill %s", "pricing": {"discountPercentage": 5, "duration": 12}}"""
                .formatted(listing, tenant, run), null, 201), Duration.ofMinutes(1)).get("data").get("id").asText();
        call("POST", catalog + "/api/v1/private-offers/" + offer + "/send", null, null, 200);
        call("POST", catalog + "/api/v1/private-offers/" + offer + "/accept", null, null, 200);
        until("order-service entitles the tenant to the listing", () -> {
            JsonNode found = optional("GET", order + "/api/v1/entitlements?customerId=" + tenant, null, null, 200);
            if (found != null) {
                for (JsonNode entitlement : found.get("data")) {
                    if (listing.equals(entitlement.path("listingId").asText())) {
                        return entitlement;
                    }
                }
            }
            return null;
        }, Duration.ofMinutes(2));
        endpoint = call("POST", webhook + "/api/v1/webhooks", """
                {"url": "http://127.0.0.1:%d/hooks/%s", "description": "crash drill %s", "eventTypes": ["transaction.processed"],
                 "includeDescendants": true}""".formatted(receiverPort, run, run), null, 201).get("data").get("id").asText();
        // Usage is accepted once metering-service has read the entitlement: the first batch waits for that.
        Pending first = usageBatch(-1);
        until("metering-service accepts the tenant's usage", () -> first.attempt() ? first : null, Duration.ofMinutes(2));
    }

    // ---- load ----------------------------------------------------------------------------------------------

    /** One request that must be acknowledged; {@code attempt} sends it and says whether it was. */
    private record Pending(String description, Supplier<Boolean> sender, Thread owner) {
        Pending(String description, Supplier<Boolean> sender) {
            this(description, sender, Thread.currentThread());
        }

        boolean attempt() {
            return sender.get();
        }
    }

    private void send(Pending request) {
        if (!request.attempt()) {
            unacknowledged.add(request);
        }
    }

    /** Sends again the unacknowledged requests of {@code owner} (null: of every load). */
    private void retryUnacknowledged(Thread owner) {
        for (Pending request : List.copyOf(unacknowledged)) {
            if ((owner == null || request.owner() == owner) && unacknowledged.remove(request)) {
                retries.incrementAndGet();
                if (!request.attempt()) {
                    unacknowledged.add(request);
                }
            }
        }
    }

    private Pending usageBatch(long batch) {
        String key = run + "-b" + batch;
        String timestamp = businessNow().truncatedTo(ChronoUnit.MILLIS).toString();
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"events\": [");
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            String id = key + "-" + i;
            ids.add(id);
            body.append(i == 0 ? "" : ",").append("""
                    {"eventId": "%s", "customerId": "%s", "listingId": "%s", "dimension": "api_calls", "quantity": 1,
                     "timestamp": "%s"}""".formatted(id, tenant, listing, timestamp));
        }
        String json = body.append("]}").toString();
        return new Pending("usage batch " + key, () -> {
            JsonNode answer = optional("POST", metering + "/api/v1/usage", json, key, 200);
            if (answer == null) {
                return false;
            }
            for (JsonNode event : answer.get("data").get("events")) {
                String id = ids.get(event.get("index").asInt());
                ("accepted".equals(event.get("status").asText()) ? acknowledgedEvents : rejectedEvents).add(id);
            }
            return true;
        });
    }

    private Pending initialOrder(long number) {
        String key = run + "-o" + number;
        String json = """
                {"deliveryDate": "%s", "purchaseOrderNumber": "%s", "resellerSiteId": "DRILL",
                 "contactFirstName": "Aino", "contactLastName": "Virtanen", "contactEmail": "aino.virtanen@drill.example",
                 "contactLanguage": "EN", "contactCountryCode": "FI", "customerCsn": "%s", "customerName": "Drill %s",
                 "customerCountry": "FI", "items": [{"sku": "CM-LOGS-1Y", "quantity": 1, "price": 1100}]}"""
                .formatted(LocalDate.ofInstant(businessNow(), ZoneOffset.UTC), key.substring(Math.max(0, key.length() - 35)), csn, run);
        return new Pending("order " + key, () -> {
            JsonNode answer = optional("POST", order + "/api/v1/transactions?type=INITIAL", json, key, 202);
            if (answer != null) {
                transactions.add(answer.get("data").get("id").asText());
            }
            return answer != null;
        });
    }

    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/hooks/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode body = JSON.readTree(in.readAllBytes());
                String messageId = exchange.getRequestHeaders().getFirst("webhook-id");
                deliveries.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
                String transaction = body.path("data").path("id").asText();
                messagesPerTransaction.computeIfAbsent(transaction, id -> ConcurrentHashMap.newKeySet()).add(messageId);
            } catch (RuntimeException e) {
                log("receiver: %s", e);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    // ---- settling and the invariants ------------------------------------------------------------------------

    private boolean settle(Instant started) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        while (!unacknowledged.isEmpty() && Instant.now().isBefore(deadline)) {
            retryUnacknowledged(null);
            Thread.sleep(1000);
        }
        long acknowledged = acknowledgedEvents.size();
        long counted = 0;
        Map<String, Long> statuses = Map.of();
        while (Instant.now().isBefore(deadline)) {
            counted = countedUsage(started);
            statuses = transactionStatuses();
            long unfinished = statuses.getOrDefault("PENDING", 0L) + statuses.getOrDefault("PROCESSING", 0L);
            long processed = statuses.getOrDefault("PROCESSED", 0L);
            if (counted >= acknowledged && unfinished == 0 && messagesPerTransaction.keySet().containsAll(processedIds)) {
                Thread.sleep(10_000); // and stays so: nothing counted late
                counted = countedUsage(started);
                break;
            }
            log("settling: usage counted %d of %d, transactions unfinished %d, webhooks %d of %d processed",
                    counted, acknowledged, unfinished, processedIds.stream().filter(messagesPerTransaction::containsKey).count(),
                    processed);
            Thread.sleep(5000);
        }
        statuses = transactionStatuses();
        // a transaction that cannot be read is not known to have finished
        long unfinished = statuses.getOrDefault("PENDING", 0L) + statuses.getOrDefault("PROCESSING", 0L)
                + statuses.getOrDefault("UNREADABLE", 0L);
        long webhooksLost = processedIds.stream().filter(id -> !messagesPerTransaction.containsKey(id)).count();
        long duplicateMessages = messagesPerTransaction.values().stream().filter(ids -> ids.size() > 1).count();
        long redelivered = deliveries.values().stream().filter(n -> n.get() > 1).count();
        long invoicesChanged = changedInvoices();
        System.out.printf("""

                crash drill %s
                  usage events acknowledged          %d (rejected %d, requests sent again %d, still unacknowledged %d)
                  usage counted by the aggregates    %d
                  acknowledged usage lost            %d   (must be 0)
                  usage counted twice                %d   (must be 0)
                  transactions placed                %d  %s
                  transactions neither finished nor STUCK  %d   (must be 0)
                  webhook messages lost              %d   (must be 0; transaction.processed of each PROCESSED transaction)
                  webhook messages made twice        %d   (must be 0; deliveries repeated with one webhook-id: %d, allowed)
                  invoices changed after finalization  %d   (must be 0; of %d finalized before the load)
                """, run, acknowledged, rejectedEvents.size(), retries.get(), unacknowledged.size(), counted,
                Math.max(0, acknowledged - counted), Math.max(0, counted - acknowledged), transactions.size(), statuses,
                unfinished, webhooksLost, duplicateMessages, redelivered, invoicesChanged, finalizedInvoices.size());
        return unacknowledged.isEmpty() && counted == acknowledged && unfinished == 0 && webhooksLost == 0
                && duplicateMessages == 0 && invoicesChanged == 0;
    }

    private Instant businessNow() {
        return Instant.now().plus(businessOffset);
    }

    /** Every invoice past DRAFT, each as {@code GET /invoices/{id}} shows it (with its lines). */
    private Map<String, JsonNode> finalizedInvoices() {
        Map<String, JsonNode> invoices = new TreeMap<>();
        for (JsonNode header : call("GET", billing + "/api/v1/invoices/-dump", null, null, 200)) {
            if ("DRAFT".equals(header.get("status").asText())) {
                continue;
            }
            String id = header.get("id").asText();
            invoices.put(id, call("GET", billing + "/api/v1/invoices/" + id, null, null, 200).get("data"));
        }
        return invoices;
    }

    /** How many of the invoices finalized before the load read differently now (or cannot be read). */
    private long changedInvoices() {
        return finalizedInvoices.entrySet().stream().filter(invoice -> {
            JsonNode now = optional("GET", billing + "/api/v1/invoices/" + invoice.getKey(), null, null, 200);
            if (now == null || !now.get("data").equals(invoice.getValue())) {
                log("invoice %s changed after finalization: %s", invoice.getKey(), now == null ? "unreadable" : now.get("data"));
                return true;
            }
            return false;
        }).count();
    }

    /** The tenant's api_calls counted in every hour since the drill began (one per event; the tenant is the drill's). */
    private long countedUsage(Instant started) {
        String from = started.plus(businessOffset).minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
        String to = businessNow().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
        JsonNode answer = optional("GET", metering + "/api/v1/usage/summary?granularity=hour&customer=" + tenant
                + "&dimension=api_calls&from=" + from + "&to=" + to + "&limit=1000", null, null, 200);
        long sum = 0;
        if (answer != null) {
            for (JsonNode row : answer.get("data")) {
                sum += row.get("sum").decimalValue().longValueExact();
            }
        }
        return sum;
    }

    private Map<String, Long> transactionStatuses() {
        Map<String, Long> statuses = new TreeMap<>();
        for (String id : transactions) {
            JsonNode answer = optional("GET", order + "/api/v1/transactions/" + id, null, null, 200);
            for (int attempt = 1; answer == null && attempt < 5; attempt++) {
                sleep(Duration.ofSeconds(1));
                answer = optional("GET", order + "/api/v1/transactions/" + id, null, null, 200);
            }
            String status = answer == null ? "UNREADABLE" : answer.get("data").get("status").asText();
            statuses.merge(status, 1L, Long::sum);
            if ("PROCESSED".equals(status)) {
                processedIds.add(id);
            }
        }
        return statuses;
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    /** The answer when it has {@code expected} status, else null (refused, unavailable, timed out: try again). */
    private JsonNode optional(String method, String url, String body, String idempotencyKey, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                token = token();
                return null;
            }
            return response.statusCode() == expected ? JSON.readTree(response.body()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode call(String method, String url, String body, String idempotencyKey, int expected) {
        JsonNode answer = optional(method, url, body, idempotencyKey, expected);
        if (answer == null) {
            throw new IllegalStateException(method + " " + url + " did not answer " + expected);
        }
        return answer;
    }

    private String first(String url) {
        JsonNode data = call("GET", url, null, null, 200).get("data");
        if (data.isEmpty()) {
            throw new IllegalStateException(url + " found nothing: run ./mercato demo first");
        }
        return data.get(0).get("id").asText();
    }

    private String token() {
        try {
            String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                    + encode(clientSecret);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(identity + "/oauth/token"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).get("access_token").asText() : token;
        } catch (IOException e) {
            return token; // identity-service is down: keep the one we have
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return token;
        }
    }

    private static <T> T until(String what, Supplier<T> attempt, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gave up waiting until " + what + " (" + limit.toSeconds() + " s)");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void log(String format, Object... args) {
        System.out.printf("%s drill: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    }
}
