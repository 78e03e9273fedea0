package dev.mercato.console.api;

/**
 * A service whose public API the console calls, by the name its pages use for it: the service's own name (error pages,
 * where an operator reads it) and the part of the marketplace it keeps, as a sentence names it to a user.
 */
public enum Upstream {
    IDENTITY("identity-service", "Identity"),
    WEBHOOK("webhook-service", "Webhooks"),
    CATALOG("catalog-service", "The catalog"),
    ORDER("order-service", "Ordering"),
    METERING("metering-service", "Metering"),
    BILLING("billing-service", "Billing");

    private final String serviceName;
    private final String area;

    Upstream(String serviceName, String area) {
        this.serviceName = serviceName;
        this.area = area;
    }

    public String serviceName() {
        return serviceName;
    }

    /** What the service keeps, capitalized to start a sentence: "Billing", "The catalog". */
    public String area() {
        return area;
    }
}
