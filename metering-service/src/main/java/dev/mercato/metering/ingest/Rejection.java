package dev.mercato.metering.ingest;

/**
 * Why a usage event was not accepted: the code a client can branch on, the field at fault, and the HTTP status
 * a single-event request answers with. The sentence for the caller is made where the facts are known.
 */
public enum Rejection {
    MISSING_FIELD(null, 400),
    INVALID_FIELD(null, 400),
    UNKNOWN_CUSTOMER("customerId", 400),
    UNKNOWN_LISTING("listingId", 400),
    LISTING_RETIRED("listingId", 400),
    VENDOR_MISMATCH("vendor", 400),
    NOT_LISTING_VENDOR("listingId", 403),
    NO_ENTITLEMENT("customerId", 400),
    UNKNOWN_DIMENSION("dimension", 400),
    RETIRED_DIMENSION("dimension", 400),
    INVALID_QUANTITY("quantity", 400),
    TOO_MANY_DECIMALS("quantity", 400),
    INVALID_TIMESTAMP("timestamp", 400),
    TIMESTAMP_IN_FUTURE("timestamp", 400),
    TIMESTAMP_TOO_OLD("timestamp", 400);

    private final String field;
    private final int status;

    Rejection(String field, int status) {
        this.field = field;
        this.status = status;
    }

    /** The request field at fault, when it is always the same one. */
    public String field() {
        return field;
    }

    /** The status of a single-event request rejected for this reason. */
    public int status() {
        return status;
    }
}
