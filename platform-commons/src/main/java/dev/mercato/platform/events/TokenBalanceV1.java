package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's prepaid token balance with one vendor, as metering-service publishes it on
 * {@link Topics#METERING_BALANCES} keyed by the customer id: type {@value #CREDITED} when tokens bought
 * through an order are added, {@value #LOW} once when usage takes the balance below the low threshold
 * (again only after a credit has lifted it back to the threshold or above).
 *
 * @param purchased     every token credited so far
 * @param consumed      every token usage has drawn so far
 * @param balance       purchased − consumed; may fall below zero (usage is never refused for want of tokens)
 * @param threshold     the low-balance threshold in force
 * @param transactionId for a credit, the order that bought the tokens; null otherwise
 * @param credited      for a credit, the tokens it added; null otherwise
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record TokenBalanceV1(
        String customerId,
        String vendorId,
        BigDecimal purchased,
        BigDecimal consumed,
        BigDecimal balance,
        BigDecimal threshold,
        String transactionId,
        BigDecimal credited,
        Instant changedAt) {

    public static final String CREDITED = "mercato.metering.balance.credited.v1";
    public static final String LOW = "mercato.metering.balance.low.v1";
}
