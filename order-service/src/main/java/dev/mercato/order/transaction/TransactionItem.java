package dev.mercato.order.transaction;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One ordered line as placed: the SKU, quantity and confirmed price, the pack size that turns the quantity into
 * seats, and, for a change, the serial number of the subscription it changes.
 */
@RegisterForReflection // stored as JSON and published in the transaction's event
public record TransactionItem(String sku, String articleId, int quantity, int packSize, BigDecimal price,
        String serialNumber) {

    public int seats() {
        return quantity * packSize;
    }
}
