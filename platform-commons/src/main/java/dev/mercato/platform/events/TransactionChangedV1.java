package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A transaction (an order) after placement or a status change, as order-service publishes it on
 * {@link Topics#ORDERS_TRANSACTIONS}, keyed by its id. {@code status} is PENDING, PROCESSING, PROCESSED,
 * REJECTED or STUCK; {@code attempt} counts processing runs (a retry of a stuck transaction starts the next);
 * {@code version} grows with every change.
 *
 * @param price the confirmed total in {@code currency} (lower-case ISO 4217)
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record TransactionChangedV1(
        String id,
        String status,
        String statusMessage,
        String orderType,
        String resellerId,
        String resellerSiteId,
        String customerId,
        String customerCsn,
        String customerName,
        String currency,
        BigDecimal price,
        String contractNumber,
        LocalDate contractStartDate,
        LocalDate contractEndDate,
        Integer contractTerm,
        String opportunityNumber,
        boolean partialRenewal,
        String contactEmail,
        String contactFirstName,
        String contactLastName,
        String purchaseOrderNumber,
        LocalDate deliveryDate,
        List<ItemV1> items,
        int attempt,
        Instant createdAt,
        Instant updatedAt,
        Instant processedAt,
        long version) {

    public static final String TYPE = "mercato.orders.transaction.changed.v1";

    /** One ordered line: seats = quantity × packSize; {@code serialNumber} names the subscription a change is for. */
    @RegisterForReflection // part of a Kafka payload
    public record ItemV1(String sku, String articleId, int quantity, int packSize, BigDecimal price, String serialNumber) {
    }
}
