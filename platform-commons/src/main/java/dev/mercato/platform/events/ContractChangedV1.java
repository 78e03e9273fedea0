package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of a contract after a change, as order-service publishes it on {@link Topics#ORDERS_CONTRACTS}
 * (type {@value #CHANGED}), keyed by the contract id. Its items are its subscriptions; price objects map a
 * lower-case ISO 4217 code to an exact amount. {@code version} grows with every change.
 *
 * @param customerId   the tenant organization the contract belongs to
 * @param contractType SUBSCRIPTION, FLEX, MAINTENANCE or NA
 * @param contractTerm months
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record ContractChangedV1(
        String id,
        String contractNumber,
        String customerId,
        String customerCsn,
        String customerName,
        String customerCountry,
        String accountSegment,
        String resellerCsn,
        String resellerName,
        String distributorCsn,
        String distributorName,
        LocalDate contractStartDate,
        LocalDate contractEndDate,
        int contractTerm,
        int contractRenewalCounter,
        String contractType,
        String contractManagerEmail,
        String contractManagerFirstName,
        String contractManagerLastName,
        String contractManagerPhone,
        List<ItemV1> items,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        int totalQuantity,
        int totalSeats,
        Instant createdAt,
        Instant lastUpdated,
        long version) {

    public static final String CHANGED = "mercato.orders.contract.changed.v1";

    /** A subscription of the contract; unit prices and totals (unit × quantity). */
    @RegisterForReflection // part of a Kafka payload
    public record ItemV1(String serialNumber, String renewalSku, String description, String deployment,
            LocalDate subscriptionEndDate, int quantity, int seats, int packSize, Map<String, BigDecimal> purPrice,
            Map<String, BigDecimal> srpPrice, Map<String, BigDecimal> totalPurPrice,
            Map<String, BigDecimal> totalSrpPrice, String activationType) {
    }
}
