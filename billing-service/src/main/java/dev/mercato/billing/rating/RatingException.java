package dev.mercato.billing.rating;

/** A subscription cannot be rated (no exchange rate for a pair, a price its plan cannot compute): the reason says why. */
public class RatingException extends RuntimeException {

    public RatingException(String message) {
        super(message);
    }
}
