package dev.mercato.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * webhook-service's public API as the console uses it, with its real JSON shapes: endpoints, the event-type catalogue,
 * "save and test" and secret rotation, and a delivery log (51 messages, two pages of 50) that refuses a creation time
 * that is none, as webhook-service does. Any bearer token identity's stub issued is accepted.
 */
final class WebhookStub extends StubServer {

    private final Map<String, Map<String, Object>> endpoints = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    final AtomicInteger tests = new AtomicInteger();
    /** An endpoint with a delivery log: one message delivered, one failed after two attempts. */
    static final String LOGGED = "whk_logged";
    /** Every redeliver and replay received, with its path, query and bearer token. */
    final List<Call> requeues = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The query of the last page of the delivery log asked for. */
    volatile Map<String, String> lastDeliveriesQuery = Map.of();

    WebhookStub() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("id", LOGGED);
        endpoint.put("ownerId", IdentityStub.ORG_ID);
        endpoint.put("url", "https://erp.example/logged");
        endpoint.put("eventTypes", null);
        endpoint.put("enabled", true);
        endpoint.put("createdAt", "2026-11-30T08:00:00Z");
        endpoints.put(LOGGED, endpoint);
    }

    @Override
    Reply handle(Call call) {
        if (call.authorization() == null) {
            return error(401, "A bearer token is required");
        }
        String[] parts = call.path().split("/");
        if (call.path().equals("/api/v1/webhooks/event-types") && call.method().equals("GET")) {
            return ok(List.of(
                    Map.of("name", "invoice.finalized", "description", "An invoice was finalized", "source", "billing.invoices",
                            "schema", Map.of("type", "object")),
                    Map.of("name", "transaction.processed", "description", "An order was processed", "source",
                            "orders.transactions", "schema", Map.of("type", "object"))));
        }
        if (call.path().equals("/api/v1/webhooks") && call.method().equals("GET")) {
            List<Map<String, Object>> all = new ArrayList<>(endpoints.values());
            return page(all, all.size());
        }
        if (call.path().equals("/api/v1/webhooks") && call.method().equals("POST")) {
            return create(call.json());
        }
        if (call.path().startsWith("/api/v1/webhooks/deliveries/") || call.path().startsWith("/api/v1/webhooks/" + LOGGED)) {
            return deliveryLog(call, parts);
        }
        Map<String, Object> endpoint = parts.length == 6 ? endpoints.get(parts[4]) : null;
        if (endpoint == null || !call.method().equals("POST")) {
            return notFound();
        }
        if (parts[5].equals("test")) {
            tests.incrementAndGet();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deliveryId", "msg_" + counter.incrementAndGet());
            result.put("succeeded", true);
            result.put("statusCode", 200);
            result.put("durationMs", 12);
            result.put("responseExcerpt", "{\"received\":true}");
            result.put("error", null);
            return ok(result);
        }
        if (parts[5].equals("rotate-secret")) {
            Map<String, Object> rotated = new LinkedHashMap<>(endpoint);
            rotated.put("secret", "whsec_rotated" + counter.incrementAndGet());
            rotated.put("previousSecretValidUntil", Instant.now().plusSeconds(86400).toString());
            return ok(rotated);
        }
        return notFound();
    }

    private Reply deliveryLog(Call call, String[] parts) {
        String route = call.method() + " " + call.path();
        if (route.equals("GET /api/v1/webhooks/" + LOGGED)) {
            return ok(endpoints.get(LOGGED));
        }
        if (route.equals("GET /api/v1/webhooks/" + LOGGED + "/deliveries")) {
            lastDeliveriesQuery = call.query();
            String since = call.query().get("createdAt[gte]");
            if (since != null && !since.matches("\\d{4}-\\d{2}-\\d{2}(T.*Z)?")) {
                return invalid("createdAt", "expected a date (2026-01-01) or an ISO-8601 instant (2026-01-01T10:00:00Z)");
            }
            List<Map<String, Object>> messages = new ArrayList<>(List.of(message("msg_delivered", "DELIVERED", 1, 200, null),
                    message("msg_failed", "FAILED", 2, 500, "HTTP 500")));
            for (int i = 1; i <= 49; i++) {
                messages.add(message("msg_queued_" + i, "PENDING", 0, null, null));
            }
            String status = call.query().get("status");
            List<Map<String, Object>> chosen = messages.stream()
                    .filter(message -> status == null || status.equals(message.get("status"))).toList();
            return paged(chosen, call.query());
        }
        if (route.equals("POST /api/v1/webhooks/" + LOGGED + "/replay")) {
            String since = call.query().get("since");
            if (since == null || !since.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                return invalid("since", "must be an ISO-8601 time such as 2026-01-16T10:00:00Z");
            }
            requeues.add(call);
            return ok(Map.of("queued", 2));
        }
        String deliveryId = parts.length > 5 ? parts[5] : "";
        if (!deliveryId.equals("msg_delivered") && !deliveryId.equals("msg_failed")) {
            return notFound();
        }
        if (parts.length == 6 && call.method().equals("GET")) {
            return ok(deliveryId.equals("msg_failed") ? message("msg_failed", "FAILED", 2, 500, "HTTP 500")
                    : message("msg_delivered", "DELIVERED", 1, 200, null));
        }
        if (parts.length == 7 && parts[6].equals("attempts") && call.method().equals("GET")) {
            return page(List.of(attempt(1, deliveryId, "FAILED", 500, "HTTP 500", "{\"error\":\"down\"}"),
                    attempt(2, deliveryId, "FAILED", null, "connection refused", null)), 2);
        }
        if (parts.length == 7 && parts[6].equals("redeliver") && call.method().equals("POST")) {
            requeues.add(call);
            return ok(Map.of("queued", 1));
        }
        return notFound();
    }

    private static Map<String, Object> message(String id, String status, int attempts, Integer lastStatus, String lastError) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("object", "delivery");
        message.put("webhookId", LOGGED);
        message.put("eventId", "evt_" + id);
        message.put("eventType", "invoice.finalized");
        message.put("subject", "inv_1");
        message.put("status", status);
        message.put("attempts", attempts);
        message.put("nextAttemptAt", null);
        message.put("lastAttemptAt", "2026-12-01T10:00:00Z");
        message.put("lastStatusCode", lastStatus);
        message.put("lastError", lastError);
        message.put("deliveredAt", "DELIVERED".equals(status) ? "2026-12-01T10:00:00Z" : null);
        message.put("createdAt", "2026-12-01T09:59:59Z");
        return message;
    }

    private static Map<String, Object> attempt(long id, String deliveryId, String outcome, Integer statusCode, String error,
            String excerpt) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("id", id);
        attempt.put("object", "attempt");
        attempt.put("deliveryId", deliveryId);
        attempt.put("attemptedAt", "2026-12-01T10:0" + id + ":00Z");
        attempt.put("outcome", outcome);
        attempt.put("statusCode", statusCode);
        attempt.put("durationMs", 30 + id);
        attempt.put("responseExcerpt", excerpt);
        attempt.put("error", error);
        return attempt;
    }

    private Reply create(Map<String, Object> body) {
        Object url = body.get("url");
        if (url == null || !url.toString().startsWith("https://")) {
            return invalid("url", "must be an https URL");
        }
        String id = "whk_" + counter.incrementAndGet();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("id", id);
        endpoint.put("object", "webhook");
        endpoint.put("ownerId", IdentityStub.ORG_ID);
        endpoint.put("url", url);
        endpoint.put("description", body.get("description"));
        endpoint.put("eventTypes", body.get("eventTypes"));
        endpoint.put("enabled", true);
        endpoint.put("disabledReason", null);
        endpoint.put("includeDescendants", false);
        endpoint.put("rateLimitPerSecond", null);
        endpoint.put("customHeaders", Map.of());
        endpoint.put("createdAt", Instant.now().toString());
        endpoints.put(id, endpoint);
        Map<String, Object> withSecret = new LinkedHashMap<>(endpoint);
        withSecret.put("secret", "whsec_created" + counter.incrementAndGet());
        return created(withSecret);
    }

    List<Map<String, Object>> storedEndpoints() {
        return List.copyOf(endpoints.values());
    }
}
