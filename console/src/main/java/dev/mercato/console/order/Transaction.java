package dev.mercato.console.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A transaction (order) as {@code /api/v1/transactions} shows it; {@code id} is null in a dry run's answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transaction(String id, Instant creationDate, String status, String statusMessage, String orderType,
        String customerCsn, String customerName, String contractNumber, String opportunityNumber,
        String purchaseOrderNumber, Map<String, BigDecimal> purPrice, List<Item> items, Instant processedAt) {

    private static final Set<String> FINAL = Set.of("PROCESSED", "REJECTED");
    private static final String STUCK = "STUCK";

    /** One ordered line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String sku, int quantity, int packSize, BigDecimal price, String serialNumber) {
    }

    /** Whether processing is over for good. */
    public boolean settled() {
        return FINAL.contains(status);
    }

    /** Processing did not finish in time: nothing changes until someone retries it. */
    public boolean stuck() {
        return STUCK.equals(status);
    }

    /** Whether the status may still change by itself: the page keeps checking it. */
    public boolean inProgress() {
        return !settled() && !stuck();
    }

    public String price() {
        return Money.of(purPrice);
    }
}
