package dev.mercato.platform.events;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A contract nears its end date: order-service publishes this on {@link Topics#ORDERS_CONTRACTS} (type
 * {@value #EXPIRING}; webhooks call it {@code contract.expiring}), keyed by the contract id, once at each of
 * 90, 60 and 30 days before the end date. The contract's snapshot ({@link ContractChangedV1}) follows it on
 * the same key, so the topic's latest record per key stays a snapshot.
 *
 * @param daysBefore the threshold reached: 90, 60 or 30
 * @param daysLeft   the days actually left when it was sent (fewer when a notice was sent late)
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record ContractExpiringV1(
        String contractId,
        String contractNumber,
        String customerId,
        String customerCsn,
        String customerName,
        String resellerCsn,
        String distributorCsn,
        String contractManagerEmail,
        LocalDate contractEndDate,
        int daysBefore,
        int daysLeft,
        int totalSeats,
        Instant notifiedAt) {

    public static final String EXPIRING = "mercato.orders.contract.expiring.v1";
}
