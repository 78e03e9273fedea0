package dev.mercato.testkit.marketplace;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Azure Marketplace metering API's batch usage event as documented ({@code POST
 * /api/batchUsageEvent?api-version=2018-08-31}): at most 25 events in {@code request}, each {@code resourceId},
 * {@code planId}, {@code dimension}, {@code effectiveStartTime} and a positive {@code quantity}. Each event's
 * {@code status} is {@code Accepted}, {@code Duplicate} (the resource, dimension and hour taken before),
 * {@code Expired} (older than 24 hours), {@code ResourceNotFound}, {@code InvalidDimension} or
 * {@code InvalidQuantity}. A throttled call is a 429; a broken request a 400 {@code BadArgument}.
 */
public final class AzureMeteringSimulator extends MeteringSimulator {

    /** resource id → plan id. */
    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, String> dimensions = new HashMap<>();
    private final Map<String, JsonNode> accepted = new LinkedHashMap<>();

    /** Listens on {@code port} (0: any). */
    public AzureMeteringSimulator(int port) {
        super(port);
    }

    /** A SaaS subscription ({@code resourceId}) on {@code planId} whose plan meters {@code dimension}. */
    public synchronized AzureMeteringSimulator subscribe(String resourceId, String planId, String... meteredDimensions) {
        resources.put(resourceId, planId);
        for (String dimension : meteredDimensions) {
            dimensions.put(planId + "\n" + dimension, dimension);
        }
        return this;
    }

    /** Usage events taken (Accepted), by resource, dimension and hour. */
    public synchronized Map<String, JsonNode> accepted() {
        return Map.copyOf(accepted);
    }

    @Override
    protected Answer throttled() {
        return new Answer(429, "{\"code\": \"TooManyRequests\", \"message\": \"Rate limit is exceeded.\"}");
    }

    @Override
    protected Answer answer(String method, URI uri, Headers headers, JsonNode body) {
        if (!"POST".equals(method) || !"/api/batchUsageEvent".equals(uri.getPath())
                || !"api-version=2018-08-31".equals(uri.getQuery())) {
            return new Answer(404, "{\"code\": \"NotFound\", \"message\": \"no such operation\"}");
        }
        if (body == null || !body.path("request").isArray() || body.path("request").isEmpty()
                || body.path("request").size() > 25) {
            return badArgument("request must hold 1 to 25 usage events");
        }
        Instant now = Instant.now();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("result");
        for (JsonNode event : body.path("request")) {
            Instant hour;
            try {
                hour = Instant.parse(event.path("effectiveStartTime").asText());
            } catch (DateTimeParseException e) {
                return badArgument("effectiveStartTime is not a time");
            }
            String resource = event.path("resourceId").asText(), plan = event.path("planId").asText(),
                    dimension = event.path("dimension").asText();
            String key = resource + "\n" + dimension + "\n" + hour.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            String status;
            if (!resources.containsKey(resource) || !resources.get(resource).equals(plan)) {
                status = "ResourceNotFound";
            } else if (!dimensions.containsKey(plan + "\n" + dimension)) {
                status = "InvalidDimension";
            } else if (!event.path("quantity").isNumber() || event.path("quantity").decimalValue().compareTo(BigDecimal.ZERO) <= 0) {
                status = "InvalidQuantity";
            } else if (hour.isBefore(now.minus(Duration.ofHours(24)))) {
                status = "Expired";
            } else if (accepted.containsKey(key)) {
                status = "Duplicate";
            } else {
                accepted.put(key, event);
                status = "Accepted";
            }
            ObjectNode result = results.addObject();
            result.put("usageEventId", UUID.nameUUIDFromBytes(key.getBytes()).toString());
            result.put("status", status);
            result.put("messageTime", now.toString());
            result.put("resourceId", resource);
            result.set("quantity", event.path("quantity"));
            result.put("dimension", dimension);
            result.put("effectiveStartTime", event.path("effectiveStartTime").asText());
            result.put("planId", plan);
        }
        answer.put("count", results.size());
        return new Answer(200, answer.toString());
    }

    private static Answer badArgument(String message) {
        return new Answer(400, "{\"code\": \"BadArgument\", \"message\": \"" + message + "\"}");
    }
}
