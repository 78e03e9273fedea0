package dev.mercato.order.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A subscription as the API shows it: the reseller API's Subscription object, in camelCase. */
public record SubscriptionResponse(
        String id,
        String object,
        String serialNumber,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        String opportunityNumber,
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
        Instant lastUpdated) {
}
