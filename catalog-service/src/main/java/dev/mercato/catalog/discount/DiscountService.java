package dev.mercato.catalog.discount;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.directory.OrganizationDirectory;
import dev.mercato.platform.events.DiscountChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;
import dev.mercato.pricing.Discount.DiscountType;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates, changes and redeems discounts; every change, redemptions included, is published as a full
 * snapshot on {@code catalog.discounts}. Owners (a vendor, or the platform for all) manage their
 * discounts; other readers see only those applied automatically.
 */
@ApplicationScoped
public class DiscountService {

    private static final String OWNER_PATH = "ownerPath";

    private final Clock clock;
    private final DiscountRepository discounts;
    private final DiscountRedemptionRepository redemptions;
    private final DiscountMapper mapper;
    private final OrganizationDirectory directory;
    private final DiscountReferences references;
    private final Outbox outbox;
    private final DiscountsByCode byCode;

    public DiscountService(DiscountRepository discounts, DiscountRedemptionRepository redemptions,
            DiscountMapper mapper, OrganizationDirectory directory, DiscountReferences references, Outbox outbox,
            DiscountsByCode byCode, Clock clock) {
        this.clock = clock;
        this.discounts = discounts;
        this.redemptions = redemptions;
        this.mapper = mapper;
        this.directory = directory;
        this.references = references;
        this.outbox = outbox;
        this.byCode = byCode;
    }

    /** Creates a discount owned by the calling vendor, or by the vendor a platform caller names (else the platform). */
    @WithTransaction
    public Uni<CatalogDiscount> create(CreateDiscountRequest request, Caller caller) {
        caller.requireWriter();
        return ownerFor(request.vendorId(), caller).chain(owner -> {
            Instant now = Instant.now();
            CatalogDiscount discount = new CatalogDiscount();
            discount.id = Ids.next("dsc");
            discount.ownerId = owner.id();
            discount.ownerPath = owner.path();
            discount.type = request.type();
            discount.percentage = request.percentage();
            discount.price = request.price();
            discount.currency = request.currency();
            discount.code = request.code();
            discount.description = request.description().strip();
            discount.startDate = request.startDate();
            discount.expirationDate = request.expirationDate();
            discount.minUnits = request.minUnits();
            discount.maxUnits = request.maxUnits();
            discount.maxRedemptions = request.maxRedemptions();
            discount.billingCycles = request.billingCycles();
            discount.autoApply = request.autoApply() == null || request.autoApply();
            discount.retainable = request.retainable() != null && request.retainable();
            discount.partnerSharePercentage = request.partnerSharePercentage();
            discount.basePartnerSharePercentage = request.basePartnerSharePercentage();
            discount.redemptionRestriction = request.redemptionRestriction() == null ? RedemptionRestriction.NONE
                    : request.redemptionRestriction();
            discount.planIds = mapper.write(request.planIds());
            discount.articleSkus = mapper.write(request.articleSkus());
            discount.listingIds = mapper.write(request.listingIds());
            discount.createdAt = now;
            discount.updatedAt = now;
            DiscountRules.check(discount, true, LocalDate.now(clock));
            discount.currency = discount.arithmetic().currency();
            return references.requireOwned(discount.ownerPath, request.planIds(), request.articleSkus(),
                            request.listingIds())
                    .chain(() -> requireFreeCode(discount))
                    .chain(() -> discounts.persist(discount))
                    .call(discounts::flush)
                    .call(this::publish);
        });
    }

    /** Changes the given fields of a discount the caller manages; another owner's discount is a 404. */
    @WithTransaction
    public Uni<CatalogDiscount> update(String id, UpdateDiscountRequest request, Caller caller) {
        caller.requireWriter();
        return discounts.findVisible(id, caller.visibility(OWNER_PATH))
                .onItem().ifNull().failWith(() -> ApiException.notFound("discount", id))
                .chain(discount -> {
                    if (request.version() != null && request.version() != discount.version) {
                        throw ApiException.conflict("discount " + id + " is at version " + discount.version
                                + ", not " + request.version() + "; read it again and retry");
                    }
                    String previousCode = discount.code;
                    apply(request, discount);
                    DiscountRules.check(discount, request.expirationDate() != null, LocalDate.now(clock));
                    discount.currency = discount.arithmetic().currency();
                    discount.updatedAt = Instant.now();
                    Uni<Void> codeFree = discount.code != null && !discount.code.equalsIgnoreCase(previousCode)
                            ? requireFreeCode(discount) : Uni.createFrom().voidItem();
                    return references.requireOwned(discount.ownerPath, request.planIds(), request.articleSkus(),
                                    request.listingIds())
                            .chain(() -> codeFree)
                            .chain(discounts::flush).call(() -> publish(discount)).replaceWith(discount);
                });
    }

    /**
     * Records one redemption. The count is raised first, in one conditional UPDATE that refuses to pass
     * the limit; every other rule is checked afterwards in the same transaction, and a refusal rolls the
     * count back.
     */
    @WithTransaction
    public Uni<DiscountRedemptionResponse> redeem(String id, RedeemDiscountRequest request, Caller caller) {
        caller.requireWriter();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return discounts.redeemOnce(id, now).chain(counted -> discounts.findById(id).chain(discount -> {
            if (discount == null || !mayRedeem(discount, request.code(), caller)) {
                throw ApiException.notFound("discount", id);
            }
            requireActive(discount, today);
            if (counted == 0) {
                throw ApiException.conflict("discount " + id + " has reached its maximum of "
                        + discount.maxRedemptions + " redemptions");
            }
            if (request.units() != null && !discount.acceptsUnits(request.units())) {
                throw ApiException.conflict("discount " + id + " applies to " + unitRange(discount) + ", not "
                        + request.units());
            }
            return requireFirstRedemption(discount, request.customerId()).chain(() -> {
                DiscountRedemption redemption = new DiscountRedemption();
                redemption.id = Ids.next("rdm");
                redemption.discountId = id;
                redemption.customerId = request.customerId();
                redemption.onceKey = discount.redemptionRestriction == RedemptionRestriction.ONCE_PER_CUSTOMER
                        ? request.customerId() : null;
                redemption.units = request.units();
                redemption.reference = request.reference();
                redemption.redeemedBy = caller.subject();
                redemption.redeemedAt = now;
                return redemptions.persist(redemption)
                        .call(() -> publish(discount))
                        .map(saved -> mapper.toResponse(saved, discount));
            });
        }));
    }

    /** The discount, when the caller may read it; 404 otherwise. Needs an open session. */
    public Uni<CatalogDiscount> visible(String id, Caller caller) {
        return discounts.findVisible(id, readable(caller))
                .onItem().ifNull().failWith(() -> ApiException.notFound("discount", id));
    }

    /** What a caller may read: everything its organization (or one below it) owns, and every automatic discount. */
    public Visibility readable(Caller caller) {
        Visibility tree = caller.visibility(OWNER_PATH);
        return Visibility.of("(" + tree.condition() + " or autoApply = true)", tree.parameters());
    }

    /**
     * The discount with {@code code} (any letter case) that applies to {@code target} on {@code date} and
     * still has redemptions left, among those of {@code ownerIds}; the first owner listed that has one
     * wins (e.g. the vendor's before the platform's). Null when there is none. Needs no session.
     */
    public Uni<CatalogDiscount> applicableByCode(String code, List<String> ownerIds, DiscountTarget target,
            LocalDate date) {
        if (code == null || ownerIds.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return byCode.find(code, ownerIds).map(found -> found.stream()
                .filter(discount -> discount.activeOn(date) && discount.hasRedemptionsLeft()
                        && appliesTo(discount, target))
                .min(Comparator.comparingInt(discount -> ownerIds.indexOf(discount.ownerId)))
                .orElse(null));
    }

    /** Whether {@code discount} covers {@code target}: it names it, or names nothing at all. */
    public boolean appliesTo(CatalogDiscount discount, DiscountTarget target) {
        List<String> plans = mapper.planIds(discount);
        List<String> articles = mapper.articleSkus(discount);
        List<String> listings = mapper.listingIds(discount);
        if (plans.isEmpty() && articles.isEmpty() && listings.isEmpty()) {
            return true;
        }
        return switch (target.kind()) {
            case PLAN -> plans.contains(target.reference());
            case ARTICLE -> articles.contains(target.reference());
            case LISTING -> listings.contains(target.reference());
        };
    }

    private void apply(UpdateDiscountRequest request, CatalogDiscount discount) {
        DiscountType type = request.type() != null ? request.type() : discount.type;
        boolean typeChanged = type != discount.type;
        // a change of type drops the old type's value unless the request gives it again
        discount.percentage = request.percentage() != null ? request.percentage() : typeChanged ? null : discount.percentage;
        discount.price = request.price() != null ? request.price() : typeChanged ? null : discount.price;
        discount.currency = request.currency() != null ? request.currency() : typeChanged ? null : discount.currency;
        discount.type = type;
        if (request.code() != null) {
            discount.code = request.code();
        }
        if (request.description() != null) {
            discount.description = request.description().strip();
        }
        if (request.startDate() != null) {
            discount.startDate = request.startDate();
        }
        if (request.expirationDate() != null) {
            discount.expirationDate = request.expirationDate();
        }
        if (request.minUnits() != null) {
            discount.minUnits = request.minUnits();
        }
        if (request.maxUnits() != null) {
            discount.maxUnits = request.maxUnits();
        }
        if (request.maxRedemptions() != null) {
            discount.maxRedemptions = request.maxRedemptions();
        }
        if (request.billingCycles() != null) {
            discount.billingCycles = request.billingCycles();
        }
        if (request.autoApply() != null) {
            discount.autoApply = request.autoApply();
        }
        if (request.retainable() != null) {
            discount.retainable = request.retainable();
        }
        if (request.partnerSharePercentage() != null) {
            discount.partnerSharePercentage = request.partnerSharePercentage();
        }
        if (request.basePartnerSharePercentage() != null) {
            discount.basePartnerSharePercentage = request.basePartnerSharePercentage();
        }
        if (request.redemptionRestriction() != null) {
            discount.redemptionRestriction = request.redemptionRestriction();
        }
        if (request.planIds() != null) {
            discount.planIds = mapper.write(request.planIds());
        }
        if (request.articleSkus() != null) {
            discount.articleSkus = mapper.write(request.articleSkus());
        }
        if (request.listingIds() != null) {
            discount.listingIds = mapper.write(request.listingIds());
        }
    }

    /** The owner of a new discount: the calling vendor, or for the platform the vendor it names (else itself). */
    private Uni<Owner> ownerFor(String vendorId, Caller caller) {
        boolean platform = "PLATFORM".equals(caller.organizationKind());
        if (vendorId == null || (!platform && vendorId.equals(caller.organizationId()))) {
            return Uni.createFrom().item(new Owner(caller.organizationId(), caller.organizationPath()));
        }
        if (!platform) {
            throw ApiException.invalidField("vendorId", "only the platform creates discounts for another vendor;"
                    + " leave it out to create one for your own organization");
        }
        return directory.organization(vendorId).map(vendor -> {
            if (vendor == null || !"VENDOR".equals(vendor.kind) || !caller.canSee(vendor.path)) {
                throw ApiException.invalidField("vendorId", "must be the id of a vendor");
            }
            if (!vendor.isActive()) {
                throw ApiException.invalidField("vendorId", "vendor " + vendorId + " is " + vendor.status.toLowerCase()
                        + ", not active");
            }
            return new Owner(vendor.id, vendor.path);
        });
    }

    private Uni<Void> requireFreeCode(CatalogDiscount discount) {
        if (discount.code == null) {
            return Uni.createFrom().voidItem();
        }
        return discounts.codeTaken(discount.ownerId, discount.code, discount.id).map(taken -> {
            if (taken) {
                throw ApiException.conflict("a discount with code '" + discount.code + "' already exists for owner "
                        + discount.ownerId + " (codes ignore letter case)");
            }
            return null;
        });
    }

    /** Owners and those above them redeem by id; anyone else must present the code, unless it applies automatically. */
    private static boolean mayRedeem(CatalogDiscount discount, String code, Caller caller) {
        return caller.canSee(discount.ownerPath) || discount.autoApply
                || (code != null && discount.code != null && discount.code.equalsIgnoreCase(code));
    }

    private static void requireActive(CatalogDiscount discount, LocalDate today) {
        if (discount.startDate != null && today.isBefore(discount.startDate)) {
            throw ApiException.conflict("discount " + discount.id + " has not started yet: it applies from "
                    + discount.startDate);
        }
        if (discount.expirationDate != null && !today.isBefore(discount.expirationDate)) {
            throw ApiException.conflict("discount " + discount.id + " expired on " + discount.expirationDate);
        }
    }

    private Uni<Void> requireFirstRedemption(CatalogDiscount discount, String customerId) {
        if (discount.redemptionRestriction != RedemptionRestriction.ONCE_PER_CUSTOMER) {
            return Uni.createFrom().voidItem();
        }
        // redemptions of one discount queue on its row since redeemOnce, so this check sees every earlier one
        return redemptions.redeemedBy(discount.id, customerId).map(already -> {
            if (already) {
                throw ApiException.conflict("customer " + customerId + " has already redeemed discount "
                        + discount.id + ", which allows one redemption per customer");
            }
            return null;
        });
    }

    private static String unitRange(CatalogDiscount discount) {
        if (discount.minUnits != null && discount.maxUnits != null) {
            return "lines of " + discount.minUnits + " to " + discount.maxUnits + " units";
        }
        return discount.minUnits != null ? "lines of at least " + discount.minUnits + " units"
                : "lines of at most " + discount.maxUnits + " units";
    }

    private Uni<Void> publish(CatalogDiscount discount) {
        return outbox.publish(Topics.CATALOG_DISCOUNTS, discount.id, DiscountChangedV1.CHANGED, mapper.toEvent(discount))
                .replaceWithVoid();
    }

    private record Owner(String id, String path) {
    }
}
