package dev.mercato.catalog.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.catalog.owner.Owners;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.pricing.Currencies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates and changes listings and their dimensions. A vendor manages its own listings, the platform
 * operator any; every change is published whole on {@code catalog.listings}. Dimensions are never
 * removed: usage, plans and invoices keep naming them, so one that should take no more usage is retired.
 */
@ApplicationScoped
public class ListingService {

    static final int MAX_DIMENSIONS = 50;

    private final ListingRepository listings;
    private final ListingMapper mapper;
    private final Owners owners;
    private final Outbox outbox;

    public ListingService(ListingRepository listings, ListingMapper mapper, Owners owners, Outbox outbox) {
        this.listings = listings;
        this.mapper = mapper;
        this.owners = owners;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Listing> create(CreateListingRequest request, Caller caller) {
        requireManager(caller);
        String currency = Currencies.normalize(request.currency(), "currency");
        List<DimensionRequest> requested = request.dimensions() == null ? List.of() : request.dimensions();
        requireDistinctKeys(requested);
        for (int i = 0; i < requested.size(); i++) {
            requireConsistentMeasure(requested.get(i), "dimensions[" + i + "].");
        }
        return owners.forNewItem(caller, request.vendorId()).chain(owner -> {
            Instant now = Instant.now();
            Listing listing = new Listing();
            listing.id = Ids.next("lst");
            listing.ownerId = owner.id();
            listing.ownerPath = owner.path();
            listing.marketplace = request.vendor();
            listing.name = request.name().strip();
            listing.description = request.description();
            listing.productCode = request.productCode();
            listing.currency = currency;
            listing.status = ListingStatus.ACTIVE;
            listing.replaceDimensions(requested.stream().map(ListingService::dimensionOf).toList());
            listing.createdAt = now;
            listing.updatedAt = now;
            return listings.persist(listing).call(listings::flush).call(this::publish);
        });
    }

    @WithTransaction
    public Uni<Listing> update(String id, UpdateListingRequest request, Caller caller) {
        return change(id, caller, listing -> {
            if (request.name() != null) {
                listing.name = request.name().strip();
            }
            if (request.description() != null) {
                listing.description = request.description();
            }
            if (request.productCode() != null) {
                listing.productCode = request.productCode();
            }
            if (request.status() != null) {
                listing.status = request.status();
            }
            return listing;
        });
    }

    @WithTransaction
    public Uni<Listing> addDimension(String id, DimensionRequest request, Caller caller) {
        requireConsistentMeasure(request, "");
        return change(id, caller, listing -> {
            if (listing.dimension(request.key()).isPresent()) {
                throw ApiException.conflict("listing " + id + " already has a dimension '" + request.key()
                        + "'; change it with PATCH or retire it");
            }
            if (listing.dimensions().size() >= MAX_DIMENSIONS) {
                throw ApiException.conflict("listing " + id + " already has the most dimensions allowed ("
                        + MAX_DIMENSIONS + ")");
            }
            List<ListingDimension> dimensions = new ArrayList<>(listing.dimensions());
            dimensions.add(dimensionOf(request));
            listing.replaceDimensions(dimensions);
            return listing;
        });
    }

    @WithTransaction
    public Uni<Listing> changeDimension(String id, String key, UpdateDimensionRequest request, Caller caller) {
        return change(id, caller, listing -> replaceDimension(listing, key, dimension -> dimension.changed(request)));
    }

    @WithTransaction
    public Uni<Listing> retireDimension(String id, String key, Caller caller) {
        Instant now = Instant.now();
        return change(id, caller, listing -> replaceDimension(listing, key,
                dimension -> dimension.isRetired() ? dimension : dimension.retired(now)));
    }

    /** The listing when it exists and the caller may manage it; 404 otherwise (another owner's looks absent). */
    private Uni<Listing> manageable(String id, Caller caller) {
        requireManager(caller);
        return listings.findById(id)
                .map(listing -> listing != null && caller.canSee(listing.ownerPath) ? listing : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("listing", id));
    }

    private Uni<Listing> change(String id, Caller caller, UnaryOperator<Listing> edit) {
        return manageable(id, caller).map(edit).chain(listing -> {
            listing.updatedAt = Instant.now();
            return listings.flush().replaceWith(listing);
        }).call(this::publish);
    }

    private Uni<?> publish(Listing listing) {
        return outbox.publish(Topics.CATALOG_LISTINGS, listing.id, ListingChangedV1.CHANGED, mapper.toEvent(listing));
    }

    private static Listing replaceDimension(Listing listing, String key, UnaryOperator<ListingDimension> edit) {
        ListingDimension current = listing.dimension(key)
                .orElseThrow(() -> ApiException.notFound("dimension", key));
        listing.replaceDimensions(listing.dimensions().stream()
                .map(dimension -> dimension == current ? edit.apply(dimension) : dimension).toList());
        return listing;
    }

    private static void requireManager(Caller caller) {
        caller.requireScope(Scopes.WRITE_CATALOG);
        caller.requireWriter();
    }

    private static void requireDistinctKeys(List<DimensionRequest> dimensions) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (!seen.add(dimensions.get(i).key())) {
                throw ApiException.invalidField("dimensions[" + i + "].key",
                        "repeats '" + dimensions.get(i).key() + "': each dimension key appears once");
            }
        }
    }

    /** A unique property names what UNIQUE_COUNT counts, so it is required there and meaningless elsewhere. */
    private static void requireConsistentMeasure(DimensionRequest request, String prefix) {
        boolean uniqueCount = request.aggregation() == DimensionAggregation.UNIQUE_COUNT;
        if (uniqueCount && request.uniqueProperty() == null) {
            throw ApiException.invalidField(prefix + "uniqueProperty",
                    "is required when aggregation is UNIQUE_COUNT: the property whose distinct values are counted");
        }
        if (!uniqueCount && request.uniqueProperty() != null) {
            throw ApiException.invalidField(prefix + "uniqueProperty",
                    "is only allowed when aggregation is UNIQUE_COUNT");
        }
    }

    private static ListingDimension dimensionOf(DimensionRequest request) {
        return new ListingDimension(request.key(), request.title().strip(), request.unit().strip(),
                request.pricePerUnit(), request.decimals() == null ? 0 : request.decimals(),
                request.description(), null,
                request.aggregation() == null ? DimensionAggregation.SUM : request.aggregation(),
                request.uniqueProperty(), request.tokenRate());
    }
}
