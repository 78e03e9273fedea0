package dev.mercato.console.api;

/** A service whose public API the console calls, by the name its pages use for it. */
public enum Upstream {
    IDENTITY("identity-service"),
    WEBHOOK("webhook-service"),
    CATALOG("catalog-service"),
    ORDER("order-service"),
    METERING("metering-service"),
    BILLING("billing-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
