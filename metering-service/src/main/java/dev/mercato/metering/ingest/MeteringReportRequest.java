package dev.mercato.metering.ingest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/metering}: a vendor's (typically hourly) report of one customer's usage of one listing,
 * one entry per dimension. {@code charged} and each usage's {@code title}, {@code description}, {@code per} and
 * {@code price} are the vendor's own figures: accepted and ignored (the catalog's prices apply).
 */
public record MeteringReportRequest(String vendor, String listingId, Details details) {

    /**
     * @param reportingDate {@code YYYY-MM-DD} (the usage is timed at the start of that day, UTC) or an ISO 8601
     *                      instant (timed then)
     */
    public record Details(Customer customer, String reportingDate, JsonNode charged, List<Usage> usages) {
    }

    public record Customer(String id) {
    }

    /** @param apiKey the dimension's key; {@code units} the quantity */
    public record Usage(String apiKey, Quantity units, String title, String description, String per, JsonNode price) {
    }
}
