package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of a renewal opportunity after a change, as order-service publishes it on
 * {@link Topics#ORDERS_OPPORTUNITIES} (type {@value #CHANGED}), keyed by the opportunity id (its number can
 * change: a partial renewal gives the rest a new one). {@code version} grows with every change.
 *
 * @param salesStatus one of the reseller API's sales statuses (NOT_CONTACTED, RENEWED_WITH_DIST, …)
 * @param closedAt    when a renewal consumed it, or null while it is open
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record OpportunityChangedV1(
        String id,
        String opportunityNumber,
        String contractId,
        String contractNumber,
        int contractRenewalCounter,
        int contractTerm,
        String contractType,
        String customerId,
        String customerCsn,
        String customerName,
        String customerCountry,
        String accountSegment,
        String resellerCsn,
        String resellerName,
        String distributorCsn,
        String distributorName,
        String contactEmail,
        String contactFirstName,
        String contactLastName,
        String contactPhone,
        String salesStatus,
        LocalDate subscriptionEndDate,
        List<ItemV1> items,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        int totalQuantity,
        int totalSeats,
        Instant closedAt,
        Instant createdAt,
        Instant lastUpdated,
        long version) {

    public static final String CHANGED = "mercato.orders.opportunity.changed.v1";

    /** A subscription the opportunity would renew; unit prices and totals. */
    @RegisterForReflection // part of a Kafka payload
    public record ItemV1(String serialNumber, String deployment, String renewalSku, String description, int quantity,
            int seats, int packSize, Map<String, BigDecimal> purPrice, Map<String, BigDecimal> srpPrice,
            Map<String, BigDecimal> totalPurPrice, Map<String, BigDecimal> totalSrpPrice) {
    }
}
