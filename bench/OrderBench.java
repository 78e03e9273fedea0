import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load generator for order-service's order placement: INITIAL orders of one SKU, round-robin over the
 * given customers, at a
 * fixed rate (a request is sent on schedule whether or not earlier ones have answered, so a slow server shows as
 * latency, not as a lower rate), each with a unique purchase order number {@code <run>-<n>}, against a running
 * order-service on this machine only. Prints placement latency percentiles of the measured run (after an
 * unmeasured warm-up at the same rate) and the count of answers other than 202.
 *
 * Usage: java bench/OrderBench.java <order-url> <token> <customer-csn,...> <sku> <unit-price> <run>
 *        <orders/s> <seconds> <warm-up seconds>
 */
public class OrderBench {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/v1/transactions?type=INITIAL");
        String token = args[1];
        String[] csns = args[2].split(",");
        String sku = args[3];
        String price = args[4];
        String run = args[5];
        int rate = Integer.parseInt(args[6]);
        int seconds = Integer.parseInt(args[7]);
        int warmup = Integer.parseInt(args[8]);
        String host = uri.getHost();
        if (!(host.startsWith("127.") || host.equals("localhost") || host.equals("::1"))) {
            throw new IllegalArgumentException("loopback targets only: " + uri);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        AtomicInteger sequence = new AtomicInteger();

        phase(client, uri, token, csns, sku, price, run, today, sequence, rate, warmup);
        Result result = phase(client, uri, token, csns, sku, price, run, today, sequence, rate, seconds);
        List<Long> latencies = new ArrayList<>(result.latencies);
        Collections.sort(latencies);
        System.out.printf("placed %d orders at %d/s in %ds (after %ds warm-up): p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                + " other %d, errors %d%n", latencies.size(), rate, seconds, warmup, percentile(latencies, 50),
                percentile(latencies, 99), latencies.isEmpty() ? 0.0 : latencies.get(latencies.size() - 1) / 1e6,
                result.other.get(), result.errors.get());
        System.exit(0);
    }

    private record Result(ConcurrentLinkedQueue<Long> latencies, AtomicLong other, AtomicLong errors) {
    }

    private static Result phase(HttpClient client, URI uri, String token, String[] csns, String sku, String price,
            String run, String today, AtomicInteger sequence, int rate, int seconds) throws Exception {
        Result result = new Result(new ConcurrentLinkedQueue<>(), new AtomicLong(), new AtomicLong());
        if (seconds == 0) {
            return result;
        }
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            String body = """
                    {"deliveryDate": "%s", "purchaseOrderNumber": "%s-%d", "resellerSiteId": "BENCH",
                     "contactFirstName": "Bench", "contactLastName": "Runner", "contactEmail": "bench@mercato.example",
                     "customerCsn": "%s", "customerName": "Bench customer",
                     "items": [{"sku": "%s", "quantity": 1, "price": %s}]}"""
                    .formatted(today, run, sequence.incrementAndGet(), csns[sent.get() % csns.length], sku, price);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                if (failure != null) {
                    if (result.errors.incrementAndGet() == 1) {
                        System.err.println("first error: " + failure);
                    }
                } else if (answer.statusCode() != 202) {
                    result.other.incrementAndGet();
                } else {
                    result.latencies.add(System.nanoTime() - start);
                }
            }));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return result;
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1e6;
    }
}
