package dev.mercato.catalog.offer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.catalog.listing.Listing;
import dev.mercato.catalog.listing.ListingRepository;
import dev.mercato.catalog.listing.ListingStatus;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.directory.DirectoryOrganization;
import dev.mercato.platform.directory.OrganizationDirectory;
import dev.mercato.platform.events.PrivateOfferChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Makes and answers private offers. The vendor side — the vendor that owns the offer's listing, or the
 * platform operator — creates an offer as a draft, edits it, sends it and may cancel it until it is
 * answered; the customer side — the tenant it is addressed to and the organizations above it (its
 * partner, distributor, the platform) — sees it once sent and accepts or declines it before it expires.
 * Every change is published whole on {@code catalog.offers}; sending also as {@code offer.created}, the
 * acceptance also as {@code offer.accepted}.
 */
@ApplicationScoped
public class PrivateOfferService {

    /** How far ahead an expiry may lie: an offer is a short-lived proposal, and timestamps stay storable. */
    static final Duration MAX_VALIDITY = Duration.ofDays(365);

    private static final String VENDOR = "VENDOR";
    private static final String PLATFORM = "PLATFORM";
    private static final String TENANT = "TENANT";

    private final Clock clock;
    private final PrivateOfferRepository offers;
    private final ListingRepository listings;
    private final OrganizationDirectory directory;
    private final PrivateOfferMapper mapper;
    private final Outbox outbox;
    private final OfferConfig config;

    public PrivateOfferService(PrivateOfferRepository offers, ListingRepository listings,
            OrganizationDirectory directory, PrivateOfferMapper mapper, Outbox outbox, OfferConfig config, Clock clock) {
        this.clock = clock;
        this.offers = offers;
        this.listings = listings;
        this.directory = directory;
        this.mapper = mapper;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * The offers {@code caller} may read, for a query: its vendor side's offers, and the offers addressed to
     * its customer side that were sent (a draft, even a cancelled one, is the vendor's business only).
     */
    public static Visibility visibility(Caller caller) {
        Visibility vendorSide = caller.visibility("ownerPath");
        Visibility customerSide = caller.visibility("customerPath");
        // Both conditions bind the same parameters (the caller's path), so one map serves both.
        Map<String, Object> parameters = new HashMap<>(vendorSide.parameters());
        parameters.putAll(customerSide.parameters());
        return Visibility.of(vendorSide.condition() + " or (" + customerSide.condition() + " and sentAt is not null)",
                parameters);
    }

    /** {@link #visibility} for one offer. */
    public static boolean isVisible(PrivateOffer offer, Caller caller) {
        return caller.canSee(offer.ownerPath) || (caller.canSee(offer.customerPath) && offer.sentAt != null);
    }

    @WithTransaction
    public Uni<PrivateOffer> create(CreatePrivateOfferRequest request, Caller caller) {
        caller.requireWriter();
        if (!VENDOR.equals(caller.organizationKind()) && !PLATFORM.equals(caller.organizationKind())) {
            throw ApiException.forbidden("Only vendors and the platform operator make private offers");
        }
        Instant now = now();
        Instant expiresAt = request.expiresAt() == null ? null : validExpiry(request.expiresAt(), now);
        return listings.findById(request.listingId()).chain(listing -> {
            requireOfferable(listing, request, caller);
            return customer(request.customerId()).chain(customer -> {
                PrivateOffer offer = new PrivateOffer();
                offer.id = Ids.next("ofr");
                offer.ownerId = listing.ownerId;
                offer.ownerPath = listing.ownerPath;
                offer.marketplace = listing.marketplace;
                offer.listingId = listing.id;
                offer.listingName = listing.name;
                addressTo(offer, customer);
                offer.title = request.title() == null ? null : request.title().strip();
                offer.notes = request.notes();
                offer.discountPercentage = request.pricing().discountPercentage();
                offer.durationMonths = request.pricing().duration();
                offer.status = OfferStatus.DRAFT;
                offer.expiresAt = expiresAt;
                offer.createdAt = now;
                offer.updatedAt = now;
                return offers.persist(offer).call(offers::flush).call(saved -> publish(saved, null));
            });
        });
    }

    @WithTransaction
    public Uni<PrivateOffer> update(String id, UpdatePrivateOfferRequest request, Caller caller) {
        Instant now = now();
        Instant expiresAt = request.expiresAt() == null ? null : validExpiry(request.expiresAt(), now);
        return forVendorSide(id, caller).chain(offer -> {
            requireStatus(offer, OfferStatus.DRAFT, "a draft", "edited");
            Uni<PrivateOffer> addressed = request.customerId() == null ? Uni.createFrom().item(offer)
                    : customer(request.customerId()).map(customer -> addressTo(offer, customer));
            return addressed.chain(edited -> {
                if (request.pricing() != null) {
                    edited.discountPercentage = request.pricing().discountPercentage();
                    edited.durationMonths = request.pricing().duration();
                }
                if (request.title() != null) {
                    edited.title = request.title().strip();
                }
                if (request.notes() != null) {
                    edited.notes = request.notes();
                }
                if (expiresAt != null) {
                    edited.expiresAt = expiresAt;
                }
                return save(edited, now, null);
            });
        });
    }

    /** Shows the draft to its customer; without an expiry it stays open for the configured default validity. */
    @WithTransaction
    public Uni<PrivateOffer> send(String id, Caller caller) {
        Instant now = now();
        return forVendorSide(id, caller).chain(offer -> {
            requireStatus(offer, OfferStatus.DRAFT, "a draft", "sent");
            if (offer.expiresAt == null) {
                offer.expiresAt = now.plus(config.defaultValidity());
            } else if (!offer.expiresAt.isAfter(now)) {
                throw ApiException.conflict("offer " + id + " would expire at " + offer.expiresAt
                        + ", which has passed; set a later expiresAt before sending it");
            }
            return requireActiveListing(offer)
                    .chain(() -> directory.organization(offer.customerId))
                    .chain(customer -> {
                        if (customer == null || !customer.isActive()) {
                            throw ApiException.conflict("customer " + offer.customerId
                                    + " is no longer an active organization; address the offer to another one");
                        }
                        offer.status = OfferStatus.SENT;
                        offer.sentAt = now;
                        return save(offer, now, PrivateOfferChangedV1.CREATED);
                    });
        });
    }

    @WithTransaction
    public Uni<PrivateOffer> cancel(String id, Caller caller) {
        Instant now = now();
        return forVendorSide(id, caller).chain(offer -> {
            if (offer.status != OfferStatus.DRAFT && offer.status != OfferStatus.SENT) {
                throw transitionRefused(offer, "a draft or sent", "cancelled");
            }
            requireUnexpired(offer, now, "cancelled");
            offer.status = OfferStatus.CANCELLED;
            offer.cancelledAt = now;
            return save(offer, now, null);
        });
    }

    @WithTransaction
    public Uni<PrivateOffer> accept(String id, Caller caller) {
        Instant now = now();
        return forCustomerSide(id, caller).chain(offer -> {
            requireStatus(offer, OfferStatus.SENT, "a sent", "accepted");
            requireUnexpired(offer, now, "accepted");
            return requireActiveListing(offer).chain(() -> {
                offer.status = OfferStatus.ACCEPTED;
                offer.acceptedAt = now;
                return save(offer, now, PrivateOfferChangedV1.ACCEPTED);
            });
        });
    }

    @WithTransaction
    public Uni<PrivateOffer> decline(String id, Caller caller) {
        Instant now = now();
        return forCustomerSide(id, caller).chain(offer -> {
            requireStatus(offer, OfferStatus.SENT, "a sent", "declined");
            requireUnexpired(offer, now, "declined");
            offer.status = OfferStatus.DECLINED;
            offer.declinedAt = now;
            return save(offer, now, null);
        });
    }

    /** Publishes {@code offer} as changed, and also as {@code alsoAs} (created, accepted) when given. */
    Uni<Void> publish(PrivateOffer offer, String alsoAs) {
        PrivateOfferChangedV1 event = mapper.toEvent(offer);
        Uni<?> changed = outbox.publish(Topics.CATALOG_OFFERS, offer.id, PrivateOfferChangedV1.CHANGED, event);
        return (alsoAs == null ? changed
                : changed.chain(() -> outbox.publish(Topics.CATALOG_OFFERS, offer.id, alsoAs, event))).replaceWithVoid();
    }

    private Uni<PrivateOffer> save(PrivateOffer offer, Instant now, String alsoAs) {
        offer.updatedAt = now;
        return offers.flush().replaceWith(offer).call(saved -> publish(saved, alsoAs));
    }

    /** The offer when the caller may read it; 404 otherwise, as if it did not exist. Needs an open session. */
    public Uni<PrivateOffer> visible(String id, Caller caller) {
        return offers.findById(id)
                .map(offer -> offer != null && isVisible(offer, caller) ? offer : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("private offer", id));
    }

    private Uni<PrivateOffer> forVendorSide(String id, Caller caller) {
        caller.requireWriter();
        return visible(id, caller).invoke(offer -> {
            if (!caller.canSee(offer.ownerPath)) {
                throw ApiException.forbidden("Only the vendor that made offer " + id
                        + ", or the platform operator, changes, sends or cancels it");
            }
        });
    }

    private Uni<PrivateOffer> forCustomerSide(String id, Caller caller) {
        caller.requireWriter();
        return visible(id, caller).invoke(offer -> {
            if (!caller.canSee(offer.customerPath)) {
                throw ApiException.forbidden("Only the customer offer " + id
                        + " is addressed to, or an organization above it, accepts or declines it");
            }
        });
    }

    private void requireOfferable(Listing listing, CreatePrivateOfferRequest request, Caller caller) {
        if (listing == null) {
            throw ApiException.invalidField("listingId", "names no listing");
        }
        if (!caller.canSee(listing.ownerPath)) {
            throw ApiException.invalidField("listingId", "is another vendor's listing: offers are made on your own listings");
        }
        if (listing.status != ListingStatus.ACTIVE) {
            throw ApiException.invalidField("listingId", "is a retired listing: offers are made on active listings");
        }
        if (request.vendor() != null && !request.vendor().equals(listing.marketplace)) {
            throw ApiException.invalidField("vendor", "must be the listing's marketplace (" + listing.marketplace
                    + "), or left out");
        }
    }

    private Uni<Void> requireActiveListing(PrivateOffer offer) {
        return listings.findById(offer.listingId).invoke(listing -> {
            if (listing == null || listing.status != ListingStatus.ACTIVE) {
                throw ApiException.conflict("listing " + offer.listingId + " of offer " + offer.id
                        + " was retired; offers on it can no longer be sent or accepted");
            }
        }).replaceWithVoid();
    }

    /** The active tenant {@code customerId} names; 400 for anything else, saying nothing more about it. */
    private Uni<DirectoryOrganization> customer(String customerId) {
        return directory.organization(customerId).invoke(customer -> {
            if (customer == null || !TENANT.equals(customer.kind) || !customer.isActive()) {
                throw ApiException.invalidField("customerId", "must be the id of an active customer (tenant) organization");
            }
        });
    }

    private static PrivateOffer addressTo(PrivateOffer offer, DirectoryOrganization customer) {
        offer.customerId = customer.id;
        offer.customerPath = customer.path;
        offer.customerName = customer.name;
        return offer;
    }

    private static Instant validExpiry(Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            throw ApiException.invalidField("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
            throw ApiException.invalidField("expiresAt", "must be at most " + MAX_VALIDITY.toDays() + " days ahead");
        }
        return expiresAt.truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireStatus(PrivateOffer offer, OfferStatus wanted, String which, String action) {
        if (offer.status != wanted) {
            throw transitionRefused(offer, which, action);
        }
    }

    /** A sent offer whose time is up counts as expired even before the sweep has marked it. */
    private static void requireUnexpired(PrivateOffer offer, Instant now, String action) {
        if (offer.hasExpired(now)) {
            throw ApiException.conflict("offer " + offer.id + " expired at " + offer.expiresAt
                    + "; an expired offer can no longer be " + action);
        }
    }

    private static ApiException transitionRefused(PrivateOffer offer, String which, String action) {
        return ApiException.conflict("offer " + offer.id + " is " + offer.status.name().toLowerCase(Locale.ROOT)
                + "; only " + which + " offer can be " + action);
    }

    /** Microseconds, as PostgreSQL keeps them, so an answer and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
