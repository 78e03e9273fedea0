package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * AWS Marketplace Metering Service {@code BatchMeterUsage} (JSON 1.1 protocol): one product per call, at most
 * 25 {@code UsageRecords}, each {@code Timestamp} (epoch seconds, the hour's start), the customer as
 * {@code CustomerAWSAccountId} or {@code CustomerIdentifier}, {@code Dimension} and a whole {@code Quantity}
 * (usage with decimals is rounded up). Each of {@code Results} is {@code Success}, {@code CustomerNotSubscribed}
 * or {@code DuplicateRecord}; {@code UnprocessedRecords} and {@code ThrottlingException} are sent again later; any
 * other error type rejects the batch with its name. With the seller's keys configured every request is signed
 * (Signature Version 4, {@link AwsSigV4}).
 */
@Singleton // no client proxy: the base class has no no-args constructor
class AwsMeteringAdapter extends MarketplaceAdapter {

    static final String TARGET = "AWSMPMeteringService.BatchMeterUsage";

    private final MarketplaceConfig config;

    AwsMeteringAdapter(MarketplaceConfig config, MarketplaceHttp http, ObjectMapper json) {
        super("aws", 25, http, json);
        this.config = config;
    }

    @Override
    Optional<URI> endpoint() {
        return config.aws().endpoint();
    }

    /** AWS takes whole units only. */
    static BigDecimal wholeUnits(BigDecimal quantity) {
        return quantity.setScale(0, RoundingMode.CEILING);
    }

    @Override
    HttpRequest.Builder request(URI endpoint, List<Submission> batch, Map<String, Submission> byKey) {
        ObjectNode body = json.createObjectNode();
        body.put("ProductCode", batch.get(0).productCode());
        ArrayNode records = body.putArray("UsageRecords");
        for (Submission submission : batch) {
            ObjectNode record = records.addObject();
            record.put("Timestamp", submission.hourStart().getEpochSecond());
            record.put(submission.accountKind(), submission.accountId());
            record.put("Dimension", submission.dimension());
            record.put("Quantity", wholeUnits(submission.quantity()).longValueExact());
            byKey.put(key(record), submission);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", TARGET);
        credentials().ifPresent(credentials -> headers.putAll(
                AwsSigV4.sign("POST", endpoint, Map.copyOf(headers), bytes, credentials, Instant.now())));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        return request;
    }

    /** The credentials to sign with, when both keys are configured. */
    private Optional<AwsSigV4.Credentials> credentials() {
        MarketplaceConfig.Aws aws = config.aws();
        if (aws.accessKeyId().isEmpty() || aws.secretAccessKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AwsSigV4.Credentials(aws.accessKeyId().get(), aws.secretAccessKey().get(),
                aws.sessionToken().orElse(null), aws.region(), "aws-marketplace"));
    }

    @Override
    List<SubmissionOutcome> outcomes(MarketplaceHttp.Answer response, List<Submission> batch,
            Map<String, Submission> byKey) {
        JsonNode answer = response.body();
        if (response.status() != 200) {
            String type = errorType(answer);
            boolean retry = response.status() >= 500 || response.status() == 429
                    || "ThrottlingException".equals(type);
            return retry ? SubmissionOutcome.retryAll(batch, type) : SubmissionOutcome.rejectAll(batch, type);
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
}
