import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for identity-service's token endpoint: client_credentials requests over keep-alive
 * HTTP/1.1 connections, one per concurrent client, against a running identity-service on this machine
 * only. Reports tokens/s and latency percentiles per concurrency level. Bounded in time and count.
 *
 * Usage: java bench/TokenBench.java <identity-url> <client-id> <client-secret> <concurrency,...>
 *        <seconds per level> <max requests per level> <warm-up seconds> [create]
 *
 * With {@code create}, the given client (the bootstrap administrator) first creates an application
 * "token-bench" with three typical scopes (or gives the one of an earlier run a new secret), and
 * that application is what requests tokens.
 */
public class TokenBench {

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 8) {
            System.err.println("usage: TokenBench <url> <client-id> <client-secret> <c1,c2,...> <seconds> <max-requests> <warmup-seconds>");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        InetAddress address = InetAddress.getByName(url.getHost());
        if (!address.isLoopbackAddress()) {
            System.err.println("refusing " + url + ": this benchmark only targets loopback addresses");
            System.exit(2);
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String[] client = args.length == 8 && args[7].equals("create")
                ? createApplication(args[0], args[1], args[2])
                : new String[] {args[1], args[2]};
        String authorization = "Basic " + Base64.getEncoder().encodeToString((client[0] + ":" + client[1]).getBytes(StandardCharsets.UTF_8));
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
        byte[] request = ("POST /oauth/token HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\nAuthorization: "
                + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\ngrant_type=client_credentials")
                .getBytes(StandardCharsets.US_ASCII);
        int[] levels = Arrays.stream(args[3].split("[, ]+")).mapToInt(Integer::parseInt).toArray();
        long seconds = Long.parseLong(args[4]);
        long maxRequests = Long.parseLong(args[5]);
        long warmup = Long.parseLong(args[6]);

        System.out.printf("target %s as %s, %d s per level (at most %d requests), %d s warm-up%n", url, client[0], seconds,
                maxRequests, warmup);
        System.out.printf("%-12s %10s %8s %10s %9s %9s %9s %9s%n", "concurrency", "requests", "errors", "tokens/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (int concurrency : levels) {
            if (warmup > 0) {
                run(address, port, request, concurrency, warmup, maxRequests);
            }
            Result result = run(address, port, request, concurrency, seconds, maxRequests);
            long[] latencies = result.latencies;
            System.out.printf("%-12d %10d %8d %10.0f %9.2f %9.2f %9.2f %9.2f%n", concurrency, latencies.length,
                    result.errors, latencies.length / result.seconds, percentile(latencies, 50), percentile(latencies, 90),
                    percentile(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
            if (result.firstError != null) {
                System.out.println("  first error: " + result.firstError);
            }
        }
    }

    /** Creates the benchmark's application with the bootstrap client; returns its id and secret. */
    private static String[] createApplication(String url, String adminId, String adminSecret) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=" + java.net.URLEncoder.encode(adminId, StandardCharsets.UTF_8)
                + "&client_secret=" + java.net.URLEncoder.encode(adminSecret, StandardCharsets.UTF_8);
        String tokenAnswer = http.send(java.net.http.HttpRequest.newBuilder(URI.create(url + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String adminToken = field(tokenAnswer, "access_token");
        // Reuse the application of an earlier run (a new secret each time), so that runs leave no litter.
        String found = http.send(java.net.http.HttpRequest.newBuilder(
                URI.create(url + "/api/v1/applications?name=token-bench&status=active&limit=1"))
                .header("Authorization", "Bearer " + adminToken).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.net.http.HttpRequest request = found.contains("\"clientId\"")
                ? java.net.http.HttpRequest.newBuilder(URI.create(url + "/api/v1/applications/" + field(found, "clientId")
                        + "/rotate-secret")).header("Authorization", "Bearer " + adminToken)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()
                : java.net.http.HttpRequest.newBuilder(URI.create(url + "/api/v1/applications"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"token-bench\", "
                                + "\"description\": \"created by bench/TokenBench.java\", \"scopes\": "
                                + "[\"read:customers\", \"read:entitlements\", \"write:metering\"]}")).build();
        String answer = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new String[] {field(answer, "clientId"), field(answer, "clientSecret")};
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private record Result(long[] latencies, long errors, double seconds, String firstError) {
    }

    private static Result run(InetAddress address, int port, byte[] request, int concurrency, long seconds,
            long maxRequests) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<String> firstErrors = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            long[][] holder = new long[1][];
            Thread thread = new Thread(() -> {
                long[] samples = new long[1024];
                int count = 0;
                Socket socket = null;
                InputStream in = null;
                try {
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        try {
                            if (socket == null) {
                                socket = new Socket();
                                socket.setTcpNoDelay(true);
                                socket.connect(new InetSocketAddress(address, port), 5_000);
                                socket.setSoTimeout(10_000);
                                in = new BufferedInputStream(socket.getInputStream(), 8192);
                            }
                            long begin = System.nanoTime();
                            OutputStream out = socket.getOutputStream();
                            out.write(request);
                            out.flush();
                            Response response = Response.read(in);
                            long elapsed = System.nanoTime() - begin;
                            if (response.status != 200 || !response.body.contains("\"access_token\"")) {
                                errors.incrementAndGet();
                                synchronized (firstErrors) {
                                    if (firstErrors.isEmpty()) {
                                        firstErrors.add(response.status + " " + response.body);
                                    }
                                }
                                continue;
                            }
                            if (count == samples.length) {
                                samples = Arrays.copyOf(samples, count * 2);
                            }
                            samples[count++] = elapsed;
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            synchronized (firstErrors) {
                                if (firstErrors.isEmpty()) {
                                    firstErrors.add(e.toString());
                                }
                            }
                            closeQuietly(socket);
                            socket = null;
                            in = null;
                        }
                    }
                } finally {
                    closeQuietly(socket);
                    holder[0] = Arrays.copyOf(samples, count);
                    synchronized (perThread) {
                        perThread.add(holder[0]);
                    }
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get(), elapsed, firstErrors.isEmpty() ? null : firstErrors.get(0));
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    /** A minimal HTTP/1.1 response reader: status, Content-Length or chunked body. */
    private record Response(int status, String body) {

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
                int size;
                while ((size = Integer.parseInt(line(in).strip(), 16)) > 0) {
                    collected.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
                body = collected.toByteArray();
            } else {
                body = in.readNBytes(Math.max(length, 0));
            }
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }
    }
}
