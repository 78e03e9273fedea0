package dev.mercato.order.transaction;

/** Processing found the order cannot take effect: the transaction becomes REJECTED with this message. */
public class OrderRejectedException extends RuntimeException {

    public OrderRejectedException(String message) {
        super(message, null, false, false);
    }
}
