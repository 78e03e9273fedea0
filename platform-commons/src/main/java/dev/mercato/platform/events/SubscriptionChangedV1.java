package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of a subscription after a change, as order-service publishes it on
 * {@link Topics#ORDERS_SUBSCRIPTIONS} (type {@value #CHANGED}), keyed by the subscription id. Billing bills
 * from it: {@code seats} between {@code startDate} and {@code endDate} (both included) at the unit prices
 * ({@code purPrice}, {@code srpPrice}: one quantity) and totals. {@code version} grows with every change.
 *
 * @param status     ACTIVE, INACTIVE (not started) or EXPIRED (ended or retired), by date
 * @param listingId  the metered listing it gives use of, or null for an article alone
 * @param dimensions the listing's metered dimensions (keys) it gives use of
 * @param retiredAt  when it was traded in or switched away, or null
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record SubscriptionChangedV1(
        String id,
        String serialNumber,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        String opportunityNumber,
        String contractId,
        String contractNumber,
        LocalDate contractStartDate,
        LocalDate contractEndDate,
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
        String contractManagerEmail,
        String contractManagerFirstName,
        String contractManagerLastName,
        String contractManagerPhone,
        String activationType,
        String deployment,
        String renewalSku,
        String description,
        String productLineCode,
        int quantity,
        int packSize,
        int seats,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        Map<String, BigDecimal> totalPurPrice,
        Map<String, BigDecimal> totalSrpPrice,
        String primaryAdminEmail,
        String primaryAdminFirstName,
        String primaryAdminLastName,
        String teamId,
        String teamName,
        String listingId,
        List<String> dimensions,
        Instant retiredAt,
        Instant createdAt,
        Instant lastUpdated,
        long version) {

    public static final String CHANGED = "mercato.orders.subscription.changed.v1";
}
