package dev.mercato.webhook.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of every delivery: {@code {"id", "event", "timestamp", "data"}}, written once and sent byte for byte. */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    public static String body(String eventId, String type, Instant timestamp, JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", eventId);
        body.put("event", type);
        body.put("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
        body.set("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload could not be written", e);
        }
    }
}
