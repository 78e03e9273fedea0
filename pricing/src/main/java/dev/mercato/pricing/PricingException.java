package dev.mercato.pricing;

/**
 * Prices, quantities or currencies the engine cannot compute with. Carries the field at fault, so an
 * API can answer a 400 that names it.
 */
public final class PricingException extends IllegalArgumentException {

    private final String field;

    public PricingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
