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
 * "save and test" and secret rotation. Any bearer token identity's stub issued is accepted.
 */
final class WebhookStub extends StubServer {

    private final Map<String, Map<String, Object>> endpoints = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    final AtomicInteger tests = new AtomicInteger();

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
