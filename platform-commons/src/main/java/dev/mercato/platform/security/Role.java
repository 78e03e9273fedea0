package dev.mercato.platform.security;

import static dev.mercato.platform.security.Scopes.*;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user or application may do within its own organization (docs/SECURITY.md). Each role
 * belongs to one organization kind and allows a set of scopes; a reader role allows only the
 * {@code read:} ones of its admin role and never writes. {@code write:private-offers} lets a vendor create
 * and send offers, and a customer (or a partner or distributor above it) accept or decline those
 * addressed to it: the scope names the area, the organization's place decides the action.
 */
public enum Role {
    PLATFORM_ADMIN("PLATFORM", Scopes.ALL),
    DISTRIBUTOR_ADMIN("DISTRIBUTOR", Set.of(READ_CUSTOMERS, WRITE_CUSTOMERS, READ_ORGANIZATIONS, WRITE_ORGANIZATIONS,
            READ_USERS, WRITE_USERS, READ_APPLICATIONS, WRITE_APPLICATIONS, READ_SETTINGS, WRITE_SETTINGS, READ_AUDIT,
            READ_CATALOG, READ_PRIVATE_OFFERS, WRITE_PRIVATE_OFFERS, READ_ORDERS, WRITE_ORDERS, READ_ENTITLEMENTS,
            READ_METERING, READ_BILLING, READ_ANALYTICS, READ_WEBHOOKS, WRITE_WEBHOOKS)),
    PARTNER_ADMIN("PARTNER", Set.of(READ_CUSTOMERS, WRITE_CUSTOMERS, READ_ORGANIZATIONS, READ_USERS, WRITE_USERS,
            READ_APPLICATIONS, WRITE_APPLICATIONS, READ_SETTINGS, WRITE_SETTINGS, READ_AUDIT, READ_CATALOG,
            READ_PRIVATE_OFFERS, WRITE_PRIVATE_OFFERS, READ_ORDERS, WRITE_ORDERS, READ_ENTITLEMENTS, READ_METERING, READ_BILLING,
            READ_ANALYTICS, READ_WEBHOOKS, WRITE_WEBHOOKS)),
    TENANT_ADMIN("TENANT", Set.of(READ_CUSTOMERS, READ_USERS, WRITE_USERS, READ_APPLICATIONS, WRITE_APPLICATIONS,
            READ_SETTINGS, WRITE_SETTINGS, READ_AUDIT, READ_CATALOG, READ_PRIVATE_OFFERS, WRITE_PRIVATE_OFFERS,
            READ_ORDERS, READ_ENTITLEMENTS, READ_METERING, READ_BILLING, READ_ANALYTICS, READ_WEBHOOKS, WRITE_WEBHOOKS)),
    VENDOR_ADMIN("VENDOR", Set.of(READ_CUSTOMERS, READ_USERS, WRITE_USERS, READ_APPLICATIONS, WRITE_APPLICATIONS,
            READ_SETTINGS, WRITE_SETTINGS, READ_AUDIT, READ_CATALOG, WRITE_CATALOG, READ_PRIVATE_OFFERS,
            WRITE_PRIVATE_OFFERS, READ_ENTITLEMENTS, READ_METERING, WRITE_METERING, READ_BILLING, READ_ANALYTICS,
            READ_WEBHOOKS, WRITE_WEBHOOKS)),
    PLATFORM_READER(PLATFORM_ADMIN),
    DISTRIBUTOR_READER(DISTRIBUTOR_ADMIN),
    PARTNER_READER(PARTNER_ADMIN),
    TENANT_READER(TENANT_ADMIN),
    VENDOR_READER(VENDOR_ADMIN);

    private final String organizationKind;
    private final Set<String> allowedScopes;
    private final boolean reader;

    Role(String organizationKind, Set<String> allowedScopes) {
        this.organizationKind = organizationKind;
        this.allowedScopes = Set.copyOf(allowedScopes);
        this.reader = false;
    }

    Role(Role admin) {
        this.organizationKind = admin.organizationKind;
        this.allowedScopes = admin.allowedScopes.stream().filter(Scopes::isReadOnly).collect(Collectors.toUnmodifiableSet());
        this.reader = true;
    }

    /** PLATFORM, DISTRIBUTOR, PARTNER, TENANT or VENDOR. */
    public String organizationKind() {
        return organizationKind;
    }

    public Set<String> allowedScopes() {
        return allowedScopes;
    }

    public boolean isReader() {
        return reader;
    }

    /** The admin role of an organization kind. */
    public static Role adminOf(String organizationKind) {
        return valueOf(organizationKind + "_ADMIN");
    }
}
