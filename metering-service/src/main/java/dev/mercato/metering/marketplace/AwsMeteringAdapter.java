package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * AWS Marketplace Metering Service {@code BatchMeterUsage} (JSON 1.1 protocol): one product per call, at most
 * 25 {@code UsageRecords}, each {@code Timestamp} (epoch seconds, the hour's start), the customer as
 * {@code CustomerAWSAccountId} or {@code CustomerIdentifier}, {@code Dimension} and a whole {@code Quantity}
 * (usage with decimals is rounded up). Each of {@code Results} is {@code Success}, {@code CustomerNotSubscribed}
 * or {@code DuplicateRecord}; {@code UnprocessedRecords} and {@code ThrottlingException} are sent again later; any
 * other error type rejects the batch with its name.
 */
@ApplicationScoped
class AwsMeteringAdapter implements MarketplaceAdapter {

    static final String TARGET = "AWSMPMeteringService.BatchMeterUsage";
    static final int MAX_RECORDS = 25;

    private final MarketplaceConfig config;
    private final MarketplaceHttp http;
    private final ObjectMapper json;

    AwsMeteringAdapter(MarketplaceConfig config, MarketplaceHttp http, ObjectMapper json) {
        this.config = config;
        this.http = http;
        this.json = json;
    }

    @Override
    public String marketplace() {
        return "aws";
    }

    @Override
    public int maxBatch() {
        return MAX_RECORDS;
    }

    @Override
    public boolean configured() {
        return config.aws().endpoint().isPresent();
    }

    /** AWS takes whole units only. */
    static BigDecimal wholeUnits(BigDecimal quantity) {
        return quantity.setScale(0, RoundingMode.CEILING);
    }

    @Override
    public Uni<List<SubmissionOutcome>> submit(List<Submission> batch) {
        URI endpoint = config.aws().endpoint().orElseThrow();
        ObjectNode body = json.createObjectNode();
        body.put("ProductCode", batch.get(0).productCode());
        ArrayNode records = body.putArray("UsageRecords");
        Map<String, Submission> byKey = new HashMap<>();
        for (Submission submission : batch) {
            ObjectNode record = records.addObject();
            record.put("Timestamp", submission.hourStart().getEpochSecond());
            record.put(submission.accountKind(), submission.accountId());
            record.put("Dimension", submission.dimension());
            record.put("Quantity", wholeUnits(submission.quantity()).longValueExact());
            byKey.put(key(record), submission);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return http.send(request)
                .map(response -> outcomes(response, batch, byKey))
                .onFailure().recoverWithItem(failure -> batch.stream()
                        .map(submission -> SubmissionOutcome.retry(submission, "CALL_FAILED")).toList());
    }

    private List<SubmissionOutcome> outcomes(HttpResponse<String> response, List<Submission> batch,
            Map<String, Submission> byKey) {
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            String type = errorType(answer);
            boolean retry = response.statusCode() >= 500 || response.statusCode() == 429
                    || "ThrottlingException".equals(type);
            return batch.stream().map(submission -> retry ? SubmissionOutcome.retry(submission, type)
                    : SubmissionOutcome.rejected(submission, type)).toList();
        }
        List<SubmissionOutcome> outcomes = new ArrayList<>();
        for (JsonNode result : answer.path("Results")) {
            Submission submission = byKey.remove(key(result.path("UsageRecord")));
            if (submission == null) {
                continue;
            }
            String status = result.path("Status").asText();
            String recordId = result.path("MeteringRecordId").asText(null);
            outcomes.add(switch (status) {
                case "Success" -> new SubmissionOutcome(submission.id(), SubmissionOutcome.ACCEPTED, null, recordId);
                case "DuplicateRecord" -> new SubmissionOutcome(submission.id(), SubmissionOutcome.DUPLICATE, status, recordId);
                default -> new SubmissionOutcome(submission.id(), SubmissionOutcome.REJECTED, status, recordId);
            });
        }
        // UnprocessedRecords, and anything the answer did not mention, are sent again
        byKey.values().forEach(submission -> outcomes.add(SubmissionOutcome.retry(submission, "UNPROCESSED")));
        return outcomes;
    }

    /** A record's identity in the request and in the answer: customer, dimension and hour. */
    private static String key(JsonNode record) {
        String customer = record.hasNonNull("CustomerAWSAccountId") ? record.path("CustomerAWSAccountId").asText()
                : record.path("CustomerIdentifier").asText();
        return customer + "\n" + record.path("Dimension").asText() + "\n" + record.path("Timestamp").asLong();
    }

    /** The error's type: {@code __type} without its namespace prefix, else the HTTP status. */
    private static String errorType(JsonNode answer) {
        String type = answer.path("__type").asText("");
        if (type.isEmpty()) {
            return "HTTP_ERROR";
        }
        int hash = type.lastIndexOf('#');
        String name = hash >= 0 ? type.substring(hash + 1) : type;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
