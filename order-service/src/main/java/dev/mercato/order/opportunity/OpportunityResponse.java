package dev.mercato.order.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A renewal opportunity as the API shows it: the reseller API's Opportunity object, in camelCase. */
public record OpportunityResponse(
        String id,
        String object,
        String opportunityNumber,
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
        List<Item> items,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        int totalQuantity,
        int totalSeats,
        Instant closedAt,
        Instant createdAt,
        Instant lastUpdated,
        long version) {

    /** A subscription the opportunity would renew: unit prices and totals. */
    public record Item(String serialNumber, String deployment, String renewalSku, String description, int quantity,
            int seats, int packSize, Map<String, BigDecimal> purPrice, Map<String, BigDecimal> srpPrice,
            Map<String, BigDecimal> totalPurPrice, Map<String, BigDecimal> totalSrpPrice) {
    }
}
