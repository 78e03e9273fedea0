package dev.mercato.testkit.marketplace;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * AWS Marketplace Metering Service {@code BatchMeterUsage} as documented (JSON 1.1: {@code X-Amz-Target
 * AWSMPMeteringService.BatchMeterUsage}): one {@code ProductCode} it knows, at most 25 {@code UsageRecords}, each
 * {@code Timestamp} (epoch seconds) less than 6 hours old and not in the future, a whole {@code Quantity}, the
 * customer as {@code CustomerAWSAccountId} or {@code CustomerIdentifier} (never both). Each record is
 * {@code Success}, {@code DuplicateRecord} (the same customer, dimension and hour taken before) or
 * {@code CustomerNotSubscribed}; records {@link #leaveUnprocessed} names come back in {@code UnprocessedRecords}.
 * A throttled call is a 400 {@code ThrottlingException}; a broken request a 400 with its exception type.
 */
public final class AwsMeteringSimulator extends MeteringSimulator {

    private final String productCode;
    private final Set<String> subscribed = new HashSet<>();
    private final Set<String> unprocessedOnce = new HashSet<>();
    private final Map<String, JsonNode> accepted = new LinkedHashMap<>();

    /** Listens on {@code port} (0: any) and meters {@code productCode}. */
    public AwsMeteringSimulator(int port, String productCode) {
        super(port);
        this.productCode = productCode;
    }

    /** A customer (account id or customer identifier) subscribed to the product. */
    public synchronized AwsMeteringSimulator subscribe(String customer) {
        subscribed.add(customer);
        return this;
    }

    /** The next record for {@code customer} and {@code dimension} comes back unprocessed once. */
    public synchronized void leaveUnprocessed(String customer, String dimension) {
        unprocessedOnce.add(customer + "\n" + dimension);
    }

    /** Records taken (Success), by customer, dimension and hour. */
    public synchronized Map<String, JsonNode> accepted() {
        return Map.copyOf(accepted);
    }

    @Override
    protected Answer throttled() {
        return error("com.amazonaws.marketplace.metering#ThrottlingException", "Rate exceeded");
    }

    @Override
    protected Answer answer(String method, URI uri, Headers headers, JsonNode body) {
        if (!"POST".equals(method) || !"AWSMPMeteringService.BatchMeterUsage".equals(headers.first("X-Amz-Target"))) {
            return error("UnknownOperationException", "unknown operation");
        }
        if (body == null || !body.path("UsageRecords").isArray() || !body.path("ProductCode").isTextual()) {
            return error("ValidationException", "ProductCode and UsageRecords are required");
        }
        if (!productCode.equals(body.path("ProductCode").asText())) {
            return error("InvalidProductCodeException", "unknown product code");
        }
        ArrayNode records = (ArrayNode) body.path("UsageRecords");
        if (records.isEmpty() || records.size() > 25) {
            return error("ValidationException", "UsageRecords must hold 1 to 25 records");
        }
        Instant now = Instant.now();
        for (JsonNode record : records) {
            boolean account = record.hasNonNull("CustomerAWSAccountId"), identifier = record.hasNonNull("CustomerIdentifier");
            if (account == identifier || !record.path("Dimension").isTextual() || !record.path("Quantity").canConvertToLong()
                    || record.path("Quantity").asLong() < 0 || !record.path("Timestamp").isNumber()) {
                return error("ValidationException", "a usage record is malformed");
            }
            Instant at = Instant.ofEpochSecond(record.path("Timestamp").asLong());
            if (!at.isAfter(now.minus(Duration.ofHours(6))) || at.isAfter(now)) {
                return error("TimestampOutOfBoundsException", "Timestamp must be within the last 6 hours");
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("Results");
        ArrayNode unprocessed = answer.putArray("UnprocessedRecords");
        for (JsonNode record : records) {
            String customer = record.hasNonNull("CustomerAWSAccountId") ? record.path("CustomerAWSAccountId").asText()
                    : record.path("CustomerIdentifier").asText();
            String dimension = record.path("Dimension").asText();
            if (unprocessedOnce.remove(customer + "\n" + dimension)) {
                unprocessed.add(record);
                continue;
            }
            String key = customer + "\n" + dimension + "\n" + record.path("Timestamp").asLong();
            String status;
            if (!subscribed.contains(customer)) {
                status = "CustomerNotSubscribed";
            } else if (accepted.containsKey(key)) {
                status = "DuplicateRecord";
            } else {
                accepted.put(key, record);
                status = "Success";
            }
            ObjectNode result = results.addObject();
            result.set("UsageRecord", record);
            result.put("MeteringRecordId", UUID.nameUUIDFromBytes(key.getBytes()).toString());
            result.put("Status", status);
        }
        return new Answer(200, answer.toString());
    }

    private static Answer error(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return new Answer(400, body.toString());
    }
}
