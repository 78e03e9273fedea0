package dev.mercato.platform.security;

import java.util.Set;

/** OAuth scopes (docs/SECURITY.md): a read and a write scope per area. */
public final class Scopes {

    public static final String READ_CUSTOMERS = "read:customers";
    public static final String WRITE_CUSTOMERS = "write:customers";
    public static final String READ_ORGANIZATIONS = "read:organizations";
    public static final String WRITE_ORGANIZATIONS = "write:organizations";
    public static final String READ_USERS = "read:users";
    public static final String WRITE_USERS = "write:users";
    public static final String READ_APPLICATIONS = "read:applications";
    public static final String WRITE_APPLICATIONS = "write:applications";
    public static final String READ_SETTINGS = "read:settings";
    public static final String WRITE_SETTINGS = "write:settings";
    public static final String READ_AUDIT = "read:audit";
    public static final String READ_CATALOG = "read:catalog";
    public static final String WRITE_CATALOG = "write:catalog";
    public static final String READ_PRIVATE_OFFERS = "read:private-offers";
    public static final String WRITE_PRIVATE_OFFERS = "write:private-offers";
    public static final String READ_ORDERS = "read:orders";
    public static final String WRITE_ORDERS = "write:orders";
    public static final String READ_ENTITLEMENTS = "read:entitlements";
    public static final String READ_METERING = "read:metering";
    public static final String WRITE_METERING = "write:metering";
    public static final String READ_BILLING = "read:billing";
    public static final String WRITE_BILLING = "write:billing";
    public static final String READ_ANALYTICS = "read:analytics";
    public static final String READ_WEBHOOKS = "read:webhooks";
    public static final String WRITE_WEBHOOKS = "write:webhooks";

    public static final Set<String> ALL = Set.of(READ_CUSTOMERS, WRITE_CUSTOMERS, READ_ORGANIZATIONS,
            WRITE_ORGANIZATIONS, READ_USERS, WRITE_USERS, READ_APPLICATIONS, WRITE_APPLICATIONS, READ_SETTINGS,
            WRITE_SETTINGS, READ_AUDIT, READ_CATALOG, WRITE_CATALOG, READ_PRIVATE_OFFERS, WRITE_PRIVATE_OFFERS,
            READ_ORDERS, WRITE_ORDERS, READ_ENTITLEMENTS, READ_METERING, WRITE_METERING, READ_BILLING, WRITE_BILLING,
            READ_ANALYTICS, READ_WEBHOOKS, WRITE_WEBHOOKS);

    private Scopes() {
    }

    public static boolean isReadOnly(String scope) {
        return scope.startsWith("read:");
    }
}
