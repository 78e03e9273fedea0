package dev.mercato.console.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of organization the Organizations pages list, each with identity-service's collection and the scopes that
 * read and change it: platform → distributors → partners → tenants, and vendors beside the channel.
 */
public enum OrganizationKind {
    DISTRIBUTOR("distributors", "Distributors", "read:organizations", "write:organizations"),
    PARTNER("partners", "Partners", "read:organizations", "write:organizations"),
    TENANT("tenants", "Tenants", "read:customers", "write:customers"),
    VENDOR("vendors", "Vendors", "read:organizations", "write:organizations");

    private final String collection;
    private final String label;
    private final String readScope;
    private final String writeScope;

    OrganizationKind(String collection, String label, String readScope, String writeScope) {
        this.collection = collection;
        this.label = label;
        this.readScope = readScope;
        this.writeScope = writeScope;
    }

    /** The kind whose collection is named {@code collection} ({@code partners}, …), if any. */
    public static Optional<OrganizationKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(kind -> kind.collection.equals(collection)).findFirst();
    }

    /** The kind named as the token's {@code org_kind} claim names it, if the pages list it (not the platform). */
    public static Optional<OrganizationKind> ofName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** The kind directly below this one in the channel (distributor → partner → tenant), or null. */
    public OrganizationKind childKind() {
        return switch (this) {
            case DISTRIBUTOR -> PARTNER;
            case PARTNER -> TENANT;
            case TENANT, VENDOR -> null;
        };
    }

    /** The kind directly above this one, or null below the platform itself (distributors, vendors). */
    public OrganizationKind parentKind() {
        return switch (this) {
            case PARTNER -> DISTRIBUTOR;
            case TENANT -> PARTNER;
            case DISTRIBUTOR, VENDOR -> null;
        };
    }

    /** The last segment of identity's collection, {@code /api/v1/<collection>}, and of the console's page. */
    public String collection() {
        return collection;
    }

    public String apiPath() {
        return "/api/v1/" + collection;
    }

    public String label() {
        return label;
    }

    /** One of the kind, in lower case: {@code partner}. */
    public String noun() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String readScope() {
        return readScope;
    }

    public String writeScope() {
        return writeScope;
    }
}
