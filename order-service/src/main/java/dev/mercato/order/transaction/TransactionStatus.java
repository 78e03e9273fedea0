package dev.mercato.order.transaction;

/** Where a transaction is: placed, being processed, done, refused, or not finished in time. */
public enum TransactionStatus {
    PENDING, PROCESSING, PROCESSED, REJECTED, STUCK;

    /** Whether processing is over for good (a stuck transaction may still be retried). */
    public boolean isFinal() {
        return this == PROCESSED || this == REJECTED;
    }
}
