package dev.mercato.metering.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.metering.readmodel.CustomerEntitlements;
import dev.mercato.metering.readmodel.KnownOrganizations;
import dev.mercato.metering.readmodel.MeteredEntitlement;
import dev.mercato.metering.readmodel.MeteredListings;
import dev.mercato.metering.time.Instants;
import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.events.ListingChangedV1.DimensionV1;
import dev.mercato.platform.events.UsageEventV1;

/**
 * Checks one usage event against the in-memory read models and, when it passes, normalises it to the
 * {@link UsageEventV1} that is published. The checks run in a fixed order and the first that fails is the
 * event's one reason: fields, quantity, timestamp, listing, the caller's right to report for it, customer,
 * dimension, decimals, entitlement. Nothing here blocks or does I/O.
 */
@ApplicationScoped
public class UsageValidator {

    static final int MAX_PROPERTIES = 50;
    static final int MAX_PROPERTY_KEY = 100;
    static final int MAX_PROPERTY_VALUE = 500;
    /** Integer digits a quantity may have: up to 10^18, what every numeric column downstream holds. */
    static final int MAX_INTEGER_DIGITS = 18;

    private final KnownOrganizations organizations;
    private final MeteredListings listings;
    private final CustomerEntitlements entitlements;
    private final IngestConfig config;

    public UsageValidator(KnownOrganizations organizations, MeteredListings listings, CustomerEntitlements entitlements,
            IngestConfig config) {
        this.organizations = organizations;
        this.listings = listings;
        this.entitlements = entitlements;
        this.config = config;
    }

    /** The event to publish, or why not. */
    record Verdict(UsageEventV1 event, Rejection rejection, String reason, String field) {

        static Verdict reject(Rejection rejection, String reason) {
            return new Verdict(null, rejection, reason, rejection.field());
        }

        static Verdict reject(Rejection rejection, String field, String reason) {
            return new Verdict(null, rejection, reason, field);
        }
    }

    Verdict validate(UsageCandidate candidate, String reportId, Reporter reporter, Instant receivedAt) {
        Verdict fields = checkFields(candidate);
        if (fields != null) {
            return fields;
        }
        BigDecimal quantity = candidate.quantity().value();
        if (quantity == null || quantity.signum() < 0) {
            return Verdict.reject(Rejection.INVALID_QUANTITY, "quantity must be a non-negative decimal number.");
        }
        // long: an exponent near Integer.MIN_VALUE must not overflow into a small number of digits.
        if ((long) quantity.precision() - quantity.scale() > MAX_INTEGER_DIGITS) {
            return Verdict.reject(Rejection.INVALID_QUANTITY, "quantity must be less than 10^" + MAX_INTEGER_DIGITS + ".");
        }
        Instant timestamp = Instants.parse(candidate.timestamp());
        if (timestamp == null) {
            return Verdict.reject(Rejection.INVALID_TIMESTAMP,
                    "timestamp must be an ISO 8601 date and time with an offset, such as 2026-12-01T10:00:00Z.");
        }
        if (timestamp.isAfter(receivedAt.plus(config.maxFuture()))) {
            return Verdict.reject(Rejection.TIMESTAMP_IN_FUTURE, "timestamp is more than "
                    + config.maxFuture().toMinutes() + " minutes ahead of the time the event was received.");
        }
        if (timestamp.isBefore(receivedAt.minus(config.backdatingWindow()))) {
            return Verdict.reject(Rejection.TIMESTAMP_TOO_OLD, "timestamp is older than the backdating window of "
                    + config.backdatingWindow().toDays() + " days.");
        }
        ListingChangedV1 listing = listings.get(candidate.listingId());
        if (listing == null) {
            return Verdict.reject(Rejection.UNKNOWN_LISTING, "listing " + shown(candidate.listingId()) + " is not known.");
        }
        if (candidate.vendor() != null && !candidate.vendor().equalsIgnoreCase(listing.vendor())) {
            return Verdict.reject(Rejection.VENDOR_MISMATCH, "vendor " + shown(candidate.vendor())
                    + " is not the marketplace of listing " + listing.id() + " (" + listing.vendor() + ").");
        }
        if (!reporter.mayReportFor(listing.vendorId(), organizations.pathOf(listing.vendorId()))) {
            return Verdict.reject(Rejection.NOT_LISTING_VENDOR, "the caller is neither the vendor of listing "
                    + listing.id() + " nor the platform.");
        }
        if ("RETIRED".equals(listing.status())) {
            return Verdict.reject(Rejection.LISTING_RETIRED, "listing " + listing.id() + " is retired and takes no usage.");
        }
        if (!organizations.isTenant(candidate.customerId())) {
            return Verdict.reject(Rejection.UNKNOWN_CUSTOMER, "customer " + shown(candidate.customerId())
                    + " is not a known tenant.");
        }
        DimensionV1 dimension = MeteredListings.dimension(listing, candidate.dimension());
        if (dimension == null) {
            return Verdict.reject(Rejection.UNKNOWN_DIMENSION, "listing " + listing.id() + " has no dimension "
                    + shown(candidate.dimension()) + ".");
        }
        if (dimension.retiredAt() != null && !timestamp.isBefore(dimension.retiredAt())) {
            return Verdict.reject(Rejection.RETIRED_DIMENSION, "dimension " + dimension.key() + " of listing "
                    + listing.id() + " was retired at " + dimension.retiredAt() + ".");
        }
        BigDecimal normalised = normalise(quantity);
        if (normalised.scale() > dimension.decimals()) {
            return Verdict.reject(Rejection.TOO_MANY_DECIMALS, "quantity has more than the " + dimension.decimals()
                    + " decimal place(s) dimension " + dimension.key() + " allows.");
        }
        LocalDate date = LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
        MeteredEntitlement entitlement = entitlements.inForce(candidate.customerId(), listing.id(), date);
        if (entitlement == null) {
            return Verdict.reject(Rejection.NO_ENTITLEMENT, "customer " + candidate.customerId()
                    + " has no active entitlement to listing " + listing.id() + " on " + date + ".");
        }
        return new Verdict(new UsageEventV1(candidate.eventId(), reportId, candidate.customerId(), listing.vendorId(),
                listing.id(), entitlement.subscription(), dimension.key(), normalised, timestamp,
                receivedAt, candidate.properties() == null ? Map.of() : candidate.properties(), dimension.aggregation(),
                dimension.uniqueProperty(), dimension.tokenRate()), null, null, null);
    }

    private static Verdict checkFields(UsageCandidate candidate) {
        if (!visibleAscii(candidate.eventId(), 128)) {
            return Verdict.reject(Rejection.INVALID_FIELD, "eventId", "eventId must be 1 to 128 visible ASCII characters.");
        }
        Verdict missing = required("customerId", candidate.customerId());
        if (missing == null) {
            missing = required("listingId", candidate.listingId());
        }
        if (missing == null) {
            missing = required("dimension", candidate.dimension());
        }
        if (missing != null) {
            return missing;
        }
        if (candidate.quantity() == null) {
            return Verdict.reject(Rejection.MISSING_FIELD, "quantity", "quantity is required.");
        }
        // An event is remembered by its id and its time: one timed at its arrival would be a new event when retried.
        if (candidate.timestamp() == null) {
            return Verdict.reject(Rejection.MISSING_FIELD, "timestamp",
                    "timestamp is required, so that a retry of the event counts once.");
        }
        Map<String, String> properties = candidate.properties();
        if (properties != null) {
            if (properties.size() > MAX_PROPERTIES) {
                return Verdict.reject(Rejection.INVALID_FIELD, "properties", "properties may have at most "
                        + MAX_PROPERTIES + " entries.");
            }
            for (Map.Entry<String, String> property : properties.entrySet()) {
                if (property.getKey().isEmpty() || property.getKey().length() > MAX_PROPERTY_KEY
                        || property.getValue() == null || property.getValue().length() > MAX_PROPERTY_VALUE) {
                    return Verdict.reject(Rejection.INVALID_FIELD, "properties", "each property needs a name of 1 to "
                            + MAX_PROPERTY_KEY + " characters and a text value of at most " + MAX_PROPERTY_VALUE
                            + " characters.");
                }
            }
        }
        return null;
    }

    private static Verdict required(String field, String value) {
        if (value == null || value.isBlank()) {
            return Verdict.reject(Rejection.MISSING_FIELD, field, field + " is required.");
        }
        if (!visibleAscii(value, 100)) {
            return Verdict.reject(Rejection.INVALID_FIELD, field, field + " must be 1 to 100 visible ASCII characters.");
        }
        return null;
    }

    /** Whether {@code value} is 1 to {@code max} visible ASCII characters (a loop: this runs for every field of every event). */
    static boolean visibleAscii(String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The quantity without trailing zeros, never in exponent form: its scale is its decimal places. */
    private static BigDecimal normalise(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A caller's value quoted for a message, cut short: a reason never repeats a megabyte. */
    private static String shown(String value) {
        return "'" + (value.length() <= 64 ? value : value.substring(0, 64) + "…") + "'";
    }
}
