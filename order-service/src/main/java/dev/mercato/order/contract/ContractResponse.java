package dev.mercato.order.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A contract as the API shows it: the reseller API's Contract object, in camelCase. */
public record ContractResponse(
        String id,
        String object,
        String contractNumber,
        LocalDate contractStartDate,
        LocalDate contractEndDate,
        int contractTerm,
        int contractRenewalCounter,
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
        List<Item> items,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        int totalQuantity,
        int totalSeats,
        Instant createdAt,
        Instant lastUpdated) {

    /** A subscription of the contract: unit prices and totals (unit × quantity). */
    public record Item(String serialNumber, String renewalSku, String description, String deployment,
            LocalDate subscriptionEndDate, int quantity, int seats, int packSize, Map<String, BigDecimal> purPrice,
            Map<String, BigDecimal> srpPrice, Map<String, BigDecimal> totalPurPrice,
            Map<String, BigDecimal> totalSrpPrice, String activationType) {
    }
}
