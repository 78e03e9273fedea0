package dev.mercato.order.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A transaction as the API shows it: the reseller API's Transaction object in camelCase. {@code id} is null in a
 * dry run's answer, which nothing stored.
 *
 * @param purPrice the confirmed total as a price object (currency → amount)
 */
public record TransactionResponse(
        String id,
        String object,
        Instant creationDate,
        String status,
        String statusMessage,
        String orderType,
        String resellerCsn,
        String resellerName,
        String resellerSiteId,
        String distributorCsn,
        String currency,
        String customerId,
        String customerCsn,
        String customerName,
        String customerAddressLine1,
        String customerAddressLine2,
        String customerAddressLine3,
        String customerCity,
        String customerPostal,
        String customerCountry,
        String contactEmail,
        String contactFirstName,
        String contactLastName,
        String contactLanguage,
        String contactCountryCode,
        String opportunityNumber,
        String contractNumber,
        LocalDate contractEndDate,
        LocalDate contractStartDate,
        Integer contractTerm,
        boolean partialRenewal,
        int quantity,
        String accountAdminEmail,
        String userId,
        LocalDate deliveryDate,
        String purchaseOrderNumber,
        Map<String, BigDecimal> purPrice,
        List<TransactionItem> items,
        Instant updatedAt,
        Instant processedAt) {
}
