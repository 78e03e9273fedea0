package dev.mercato.catalog.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import dev.mercato.catalog.listing.Listing;
import dev.mercato.catalog.listing.ListingDimension;
import dev.mercato.catalog.listing.ListingRepository;
import dev.mercato.catalog.listing.ListingStatus;
import dev.mercato.catalog.owner.Owners;
import dev.mercato.platform.events.PlanChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.security.Caller;
import dev.mercato.pricing.Currencies;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates plans, edits their draft version, publishes it and starts the next one. A published version
 * is never changed. Every change publishes the whole plan, every version included, on
 * {@code catalog.plans}. Writes need a writer of the owning vendor or the platform; anyone else gets
 * 404, as if the plan did not exist.
 */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final PlanPriceRepository prices;
    private final ListingRepository listings;
    private final Owners owners;
    private final PlanMapper mapper;
    private final Outbox outbox;
    private final PublishedVersions publishedVersions;

    public PlanService(PlanRepository plans, PlanVersionRepository versions, PlanPriceRepository prices,
            ListingRepository listings, Owners owners, PlanMapper mapper, Outbox outbox,
            PublishedVersions publishedVersions) {
        this.plans = plans;
        this.versions = versions;
        this.prices = prices;
        this.listings = listings;
        this.owners = owners;
        this.mapper = mapper;
        this.outbox = outbox;
        this.publishedVersions = publishedVersions;
    }

    /** A new plan owned by the caller's vendor (or, for the platform, by {@code vendorId}), with draft version 1. */
    @WithTransaction
    public Uni<StoredPlan> create(CreatePlanRequest request, Caller caller) {
        caller.requireWriter();
        String currency = Currencies.normalize(request.currency(), "currency");
        String listingId = PlanPrices.listingId(request.listingId(), "listingId");
        List<PlanPrice> definitions = PlanPrices.of(listOrEmpty(request.priceDefinitions()), currency,
                request.pricingPeriod());
        return owners.forNewItem(caller, request.vendorId()).call(owner -> requireListings(owner.id(), listingId,
                definitions)).chain(owner -> {
            Instant now = Instant.now();
            Plan plan = new Plan();
            plan.id = Ids.next("plan");
            plan.ownerId = owner.id();
            plan.ownerPath = owner.path();
            plan.name = request.name().strip();
            plan.description = request.description();
            plan.listingId = listingId;
            plan.latestVersion = 1;
            plan.draftVersion = 1;
            plan.createdAt = now;
            plan.updatedAt = now;
            PlanVersion draft = newDraft(plan, 1, currency, request.pricingPeriod(), now);
            applyFreeTrial(draft, request.freeTrialTerms());
            return plans.persist(plan)
                    .chain(() -> versions.persist(draft))
                    .chain(() -> persistPrices(plan, draft, definitions, now))
                    .chain(() -> publishChange(plan));
        });
    }

    /** Changes the plan and its draft version; 409 when every version is published. */
    @WithTransaction
    public Uni<StoredPlan> update(String id, UpdatePlanRequest request, Caller caller) {
        caller.requireWriter();
        return managed(id, caller).chain(plan -> {
            if (plan.draftVersion == null) {
                throw publishedVersion(plan);
            }
            return versions.numbered(plan.id, plan.draftVersion).chain(draft -> {
                String currency = request.currency() == null ? draft.currency
                        : Currencies.normalize(request.currency(), "currency");
                PricingPeriod period = request.pricingPeriod() == null ? draft.pricingPeriod : request.pricingPeriod();
                String listingId = PlanPrices.listingId(request.listingId(), "listingId");
                List<PlanPrice> replacement = request.priceDefinitions() == null ? null
                        : PlanPrices.of(request.priceDefinitions(), currency, period);
                return requireListings(plan.ownerId, listingId, replacement == null ? List.of() : replacement)
                        .chain(() -> applyUpdate(plan, draft, request, currency, period, listingId, replacement));
            });
        });
    }

    private Uni<StoredPlan> applyUpdate(Plan plan, PlanVersion draft, UpdatePlanRequest request, String currency,
            PricingPeriod period, String listingId, List<PlanPrice> replacement) {
        Instant now = Instant.now();
        if (request.name() != null) {
            plan.name = request.name().strip();
        }
        if (request.description() != null) {
            plan.description = request.description();
        }
        if (listingId != null) {
            plan.listingId = listingId;
        }
        draft.currency = currency;
        draft.pricingPeriod = period;
        if (request.freeTrialTerms() != null) {
            applyFreeTrial(draft, request.freeTrialTerms());
        }
        plan.updatedAt = now;
        Uni<Void> pricesChanged = replacement == null
                ? prices.update("currency = ?1, pricingPeriod = ?2 where versionId = ?3", currency, period,
                        draft.id).replaceWithVoid()
                : prices.delete("versionId", draft.id).chain(() -> persistPrices(plan, draft, replacement, now));
        return pricesChanged.chain(() -> publishChange(plan));
    }

    /**
     * Freezes the draft version: from now on it never changes, and it is what new subscriptions buy.
     * 409 when there is no draft (someone published it first) or it has no price.
     */
    @WithTransaction
    public Uni<StoredPlan> publish(String id, Caller caller) {
        caller.requireWriter();
        return managed(id, caller).chain(plan -> {
            if (plan.draftVersion == null) {
                throw ApiException.conflict("plan " + plan.id + " has no draft version: version " + plan.latestVersion
                        + " is published; start a new version");
            }
            return versions.numbered(plan.id, plan.draftVersion)
                    .chain(draft -> prices.ofVersion(draft.id).chain(draftPrices -> {
                        if (draftPrices.isEmpty()) {
                            throw ApiException.conflict("version " + draft.number + " of plan " + plan.id
                                    + " has no price definitions; add one before publishing it");
                        }
                        return requireListings(plan.ownerId, plan.listingId, draftPrices).chain(() -> {
                            Instant now = Instant.now();
                            draft.status = PlanVersionStatus.PUBLISHED;
                            draft.publishedAt = now;
                            plan.publishedVersion = draft.number;
                            plan.draftVersion = null;
                            plan.updatedAt = now;
                            return publishChange(plan);
                        });
                    }));
        });
    }

    /** Starts the next draft version as a copy of the newest one; 409 while a draft exists. */
    @WithTransaction
    public Uni<StoredPlan> startVersion(String id, Caller caller) {
        caller.requireWriter();
        return managed(id, caller).chain(plan -> {
            if (plan.draftVersion != null) {
                throw ApiException.conflict("version " + plan.draftVersion + " of plan " + plan.id
                        + " is still a draft; change or publish it before starting another");
            }
            return versions.numbered(plan.id, plan.latestVersion)
                    .chain(latest -> prices.ofVersion(latest.id).chain(latestPrices -> {
                        Instant now = Instant.now();
                        PlanVersion draft = newDraft(plan, latest.number + 1, latest.currency, latest.pricingPeriod, now);
                        draft.freeTrialDuration = latest.freeTrialDuration;
                        draft.freeTrialPeriod = latest.freeTrialPeriod;
                        draft.freeTrialGraceDays = latest.freeTrialGraceDays;
                        plan.latestVersion = draft.number;
                        plan.draftVersion = draft.number;
                        plan.updatedAt = now;
                        List<PlanPrice> copies = latestPrices.stream().map(PlanService::copyOf).toList();
                        return versions.persist(draft)
                                .chain(() -> persistPrices(plan, draft, copies, now))
                                .chain(() -> publishChange(plan));
                    }));
        });
    }

    /** The plan as the caller may see it: published plans to every reader, drafts to owner and platform. */
    public Uni<PlanResponse> visible(String id, Caller caller) {
        return plans.findById(id)
                .map(plan -> plan != null && (plan.isPublished() || caller.canSee(plan.ownerPath)) ? plan : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("plan", id))
                .chain(this::load)
                .map(stored -> mapper.toResponse(stored, caller.canSee(stored.plan().ownerPath)));
    }

    /** One version of a plan; a draft only for the plan's owner and the platform. */
    public Uni<PlanVersionResponse> version(String id, int number, Caller caller) {
        return plans.findById(id)
                .chain(plan -> plan == null ? Uni.createFrom().nullItem() : versions.numbered(id, number)
                        .map(version -> version != null && (!version.isDraft() || caller.canSee(plan.ownerPath))
                                ? version : null)
                        .chain(version -> version == null ? Uni.createFrom().nullItem()
                                : prices.ofVersion(version.id).map(versionPrices -> mapper.toResponse(plan,
                                        new StoredPlan.StoredVersion(version, versionPrices)))))
                .onItem().ifNull().failWith(() -> ApiException.notFound("version " + number + " of plan", id));
    }

    /**
     * A published version with its prices as the pricing engine computes with them, for pricing a
     * quote or a charge; fails with 404 when the plan has no such published version. Needs no session.
     */
    public Uni<PublishedPlanVersion> publishedVersion(String planId, int version) {
        return publishedVersions.find(planId, version)
                .onItem().ifNull().failWith(() -> ApiException.notFound("published version " + version + " of plan",
                        planId));
    }

    /** Whether the caller owns the plan's vendor or is above it (the platform): it may change it and see its drafts. */
    public boolean manages(Plan plan, Caller caller) {
        return caller.canSee(plan.ownerPath);
    }

    private Uni<Plan> managed(String id, Caller caller) {
        return plans.findById(id)
                .map(plan -> plan != null && manages(plan, caller) ? plan : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("plan", id));
    }

    /**
     * Refuses, naming the field, a listing that does not exist, is retired or belongs to another vendor,
     * and a usage price whose dimension the listing lacks or has retired.
     */
    private Uni<Void> requireListings(String ownerId, String listingId, List<PlanPrice> definitions) {
        Uni<Void> checks = requireListing(ownerId, listingId, "listingId").replaceWithVoid();
        for (int i = 0; i < definitions.size(); i++) {
            PlanPrice price = definitions.get(i);
            String field = "priceDefinitions[" + i + "]";
            if (price.dimensionKey != null) {
                checks = checks.chain(() -> requireListing(ownerId, price.listingId, field + ".listingId")
                        .invoke(listing -> requireDimension(listing, price.dimensionKey, field + ".dimensionKey"))
                        .replaceWithVoid());
            }
        }
        return checks;
    }

    private Uni<Listing> requireListing(String ownerId, String listingId, String field) {
        if (listingId == null) {
            return Uni.createFrom().nullItem();
        }
        return listings.findById(listingId).invoke(listing -> {
            if (listing == null || !listing.ownerId.equals(ownerId)) {
                throw ApiException.invalidField(field, "must be a listing of the plan's vendor; " + listingId + " is not");
            }
            if (listing.status == ListingStatus.RETIRED) {
                throw ApiException.invalidField(field, "listing " + listingId + " is retired");
            }
        });
    }

    private static void requireDimension(Listing listing, String key, String field) {
        ListingDimension dimension = listing.dimension(key).orElseThrow(() -> ApiException.invalidField(field,
                "listing " + listing.id + " has no dimension '" + key + "'"));
        if (dimension.isRetired()) {
            throw ApiException.invalidField(field, "dimension '" + key + "' of listing " + listing.id + " is retired");
        }
    }

    private Uni<Void> persistPrices(Plan plan, PlanVersion version, List<PlanPrice> definitions, Instant now) {
        List<PlanPrice> rows = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            PlanPrice price = definitions.get(i);
            price.id = Ids.next("price");
            price.versionId = version.id;
            price.planId = plan.id;
            price.planVersion = version.number;
            price.position = i;
            price.ownerId = plan.ownerId;
            price.currency = version.currency;
            price.pricingPeriod = version.pricingPeriod;
            price.createdAt = now;
            rows.add(price);
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : prices.persist(rows);
    }

    /** Writes the change (409 when a concurrent one won) and publishes the whole plan. */
    private Uni<StoredPlan> publishChange(Plan plan) {
        return plans.flush()
                .chain(() -> load(plan))
                .call(stored -> outbox.publish(Topics.CATALOG_PLANS, plan.id, PlanChangedV1.TYPE, mapper.toEvent(stored)));
    }

    private Uni<StoredPlan> load(Plan plan) {
        return versions.ofPlan(plan.id)
                .chain(planVersions -> prices.ofPlan(plan.id)
                        .map(planPrices -> StoredPlan.of(plan, planVersions, planPrices)));
    }

    private static ApiException publishedVersion(Plan plan) {
        return ApiException.conflict("version " + plan.latestVersion + " of plan " + plan.id
                + " is published; start a new version");
    }

    private static PlanVersion newDraft(Plan plan, int number, String currency, PricingPeriod period, Instant now) {
        PlanVersion draft = new PlanVersion();
        draft.id = Ids.next("planver");
        draft.planId = plan.id;
        draft.number = number;
        draft.status = PlanVersionStatus.DRAFT;
        draft.currency = currency;
        draft.pricingPeriod = period;
        draft.createdAt = now;
        return draft;
    }

    private static void applyFreeTrial(PlanVersion version, CreatePlanRequest.FreeTrialTermsRequest terms) {
        version.freeTrialDuration = terms == null ? null : terms.freeTrialDuration();
        version.freeTrialPeriod = terms == null ? null : terms.freeTrialDurationPeriod();
        version.freeTrialGraceDays = terms == null ? null : terms.freeTrialGracePeriod();
    }

    private static PlanPrice copyOf(PlanPrice source) {
        PlanPrice copy = new PlanPrice();
        copy.costTypeCategory = source.costTypeCategory;
        copy.pricingStrategy = source.pricingStrategy;
        copy.unit = source.unit;
        copy.listingId = source.listingId;
        copy.dimensionKey = source.dimensionKey;
        copy.unitAllowsDecimals = source.unitAllowsDecimals;
        copy.increment = source.increment;
        copy.packageSize = source.packageSize;
        copy.ranges = new ArrayList<>(source.ranges.stream().map(PriceRange::copy).toList());
        return copy;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
