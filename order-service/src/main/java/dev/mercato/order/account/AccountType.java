package dev.mercato.order.account;

/** The account types of a reseller API, from the organization's place in the marketplace. */
public enum AccountType {
    END_CUSTOMER, VAR, VAD, VENDOR, PLATFORM;

    /** The account type of an identity-service organization kind; null for kinds it does not know yet. */
    public static AccountType ofOrganizationKind(String kind) {
        return switch (kind) {
            case "TENANT" -> END_CUSTOMER;
            case "PARTNER" -> VAR;
            case "DISTRIBUTOR" -> VAD;
            case "VENDOR" -> VENDOR;
            case "PLATFORM" -> PLATFORM;
            default -> null;
        };
    }
}
