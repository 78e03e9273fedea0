package dev.mercato.metering.marketplace;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Azure Marketplace metering API, batch usage events ({@code POST /api/batchUsageEvent?api-version=2018-08-31}):
 * at most 25 events in {@code request}, each one resource ({@code resourceId}), {@code planId},
 * {@code dimension}, hour ({@code effectiveStartTime}) and decimal {@code quantity}. Each of {@code result} has a
 * {@code status}: {@code Accepted}, {@code Duplicate}, {@code Expired}, or a rejection ({@code ResourceNotFound},
 * {@code ResourceNotActive}, {@code InvalidDimension}, {@code InvalidQuantity}, {@code BadArgument}, …). A 429 or a
 * 5xx answer is sent again later; another error rejects the batch with its {@code code}.
 */
@Singleton // no client proxy: the base class has no no-args constructor
class AzureMeteringAdapter extends MarketplaceAdapter {

    static final String PATH = "/api/batchUsageEvent?api-version=2018-08-31";

    private final MarketplaceConfig config;

    AzureMeteringAdapter(MarketplaceConfig config, MarketplaceHttp http, ObjectMapper json) {
        super("azure", 25, http, json);
        this.config = config;
    }

    @Override
    Optional<URI> endpoint() {
        return config.azure().endpoint();
    }

    @Override
    HttpRequest.Builder request(URI endpoint, List<Submission> batch, Map<String, Submission> byKey) {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray("request");
        for (Submission submission : batch) {
            ObjectNode event = events.addObject();
            event.put("resourceId", submission.accountId());
            event.put("quantity", submission.quantity());
            event.put("dimension", submission.dimension());
            event.put("effectiveStartTime", submission.hourStart().toString());
            event.put("planId", submission.planId());
            byKey.put(key(submission.accountId(), submission.dimension(), submission.hourStart()), submission);
        }
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(PATH))
                .header("Content-Type", "application/json")
                .header("x-ms-requestid", requestId)
                .header("x-ms-correlationid", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        config.azure().token().ifPresent(token -> request.header("authorization", "Bearer " + token));
        return request;
    }

    @Override
    List<SubmissionOutcome> outcomes(MarketplaceHttp.Answer response, List<Submission> batch,
            Map<String, Submission> byKey) {
        JsonNode answer = response.body();
        if (response.status() != 200) {
            boolean retry = response.status() == 429 || response.status() >= 500;
            String code = response.status() == 429 ? "Throttled"
                    : answer.path("code").asText("HTTP_" + response.status());
            String reason = code.length() > 200 ? code.substring(0, 200) : code;
            return retry ? SubmissionOutcome.retryAll(batch, reason) : SubmissionOutcome.rejectAll(batch, reason);
        }
        List<SubmissionOutcome> outcomes = new ArrayList<>();
        for (JsonNode result : answer.path("result")) {
            Instant hour = instant(result.path("effectiveStartTime").asText(""));
            Submission submission = hour == null ? null
                    : byKey.remove(key(result.path("resourceId").asText(), result.path("dimension").asText(), hour));
            if (submission == null) {
                continue;
            }
            String status = result.path("status").asText();
            String eventId = result.path("usageEventId").asText(null);
            outcomes.add(switch (status) {
                case "Accepted" -> new SubmissionOutcome(submission.id(), SubmissionOutcome.ACCEPTED, null, eventId);
                case "Duplicate" -> new SubmissionOutcome(submission.id(), SubmissionOutcome.DUPLICATE, status, eventId);
                case "Expired" -> new SubmissionOutcome(submission.id(), SubmissionOutcome.EXPIRED, status, eventId);
                default -> new SubmissionOutcome(submission.id(), SubmissionOutcome.REJECTED,
                        status.isEmpty() ? "Error" : status, eventId);
            });
        }
        byKey.values().forEach(submission -> outcomes.add(SubmissionOutcome.retry(submission, "NOT_IN_ANSWER")));
        return outcomes;
    }

    private static String key(String resourceId, String dimension, Instant hour) {
        return resourceId + "\n" + dimension + "\n" + hour.getEpochSecond();
    }

    /** An instant as Azure writes it: with or without the zone (then UTC). */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
