package dev.mercato.catalog.plan;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.PlanChangedV1;

/** Turns stored plans into API responses (what a caller may see of them) and into their event. */
@ApplicationScoped
public class PlanMapper {

    /** {@code managing}: whether the caller owns the plan or is the platform, and so sees its draft. */
    public PlanResponse toResponse(StoredPlan stored, boolean managing) {
        Plan plan = stored.plan();
        List<PlanVersionResponse> versions = stored.versions().stream()
                .filter(version -> managing || !version.version().isDraft())
                .map(version -> toResponse(plan, version))
                .toList();
        return new PlanResponse(plan.id, plan.ownerId, plan.name, plan.description, plan.listingId,
                plan.publishedVersion, managing ? plan.draftVersion : null, versions, plan.createdAt, plan.updatedAt);
    }

    public PlanSummaryResponse toSummary(Plan plan, boolean managing) {
        return new PlanSummaryResponse(plan.id, plan.ownerId, plan.name, plan.description, plan.listingId,
                plan.publishedVersion, managing ? plan.draftVersion : null, plan.createdAt, plan.updatedAt);
    }

    public PlanVersionResponse toResponse(Plan plan, StoredPlan.StoredVersion stored) {
        PlanVersion version = stored.version();
        return new PlanVersionResponse(plan.id, version.number, version.status, version.currency,
                version.pricingPeriod,
                version.freeTrialDuration == null ? null : new PlanVersionResponse.FreeTrialTermsResponse(
                        version.freeTrialDuration, version.freeTrialPeriod, version.freeTrialGraceDays),
                stored.prices().stream().map(PlanMapper::toResponse).toList(), version.createdAt, version.publishedAt);
    }

    public PriceResponse toPriceResponse(EffectivePrice price) {
        return new PriceResponse(price.id, price.kind, price.planId, price.planVersion, price.sku, price.priceList,
                price.ownerId, price.currency, price.pricingPeriod, price.costTypeCategory, price.pricingStrategy,
                price.unit, price.startingPrice(), ranges(price.ranges), price.packageSize,
                price.unitAllowsDecimals, price.increment, price.listingId, price.dimensionKey, price.startDate,
                price.endDate, price.createdAt);
    }

    public PlanChangedV1 toEvent(StoredPlan stored) {
        Plan plan = stored.plan();
        return new PlanChangedV1(plan.id, plan.ownerId, plan.name, plan.description, plan.listingId,
                plan.publishedVersion, plan.draftVersion, stored.versions().stream().map(PlanMapper::toEvent).toList(),
                plan.createdAt, plan.updatedAt, plan.version);
    }

    private static PlanChangedV1.PlanVersionV1 toEvent(StoredPlan.StoredVersion stored) {
        PlanVersion version = stored.version();
        return new PlanChangedV1.PlanVersionV1(version.number, version.status.name(), version.currency,
                version.pricingPeriod == null ? null : version.pricingPeriod.name(),
                version.freeTrialDuration == null ? null : new PlanChangedV1.FreeTrialTermsV1(version.freeTrialDuration,
                        version.freeTrialPeriod.name(), version.freeTrialGraceDays),
                stored.prices().stream().map(PlanMapper::toEvent).toList(), version.createdAt, version.publishedAt);
    }

    private static PlanChangedV1.PriceDefinitionV1 toEvent(PlanPrice price) {
        return new PlanChangedV1.PriceDefinitionV1(price.id, price.costTypeCategory.name(),
                price.pricingStrategy.name(), price.unit,
                price.ranges.stream().map(range -> new PlanChangedV1.PriceRangeV1(range.min, range.max,
                        range.salePrice, range.wholeSalePrice, range.flatAmount)).toList(),
                price.packageSize, price.unitAllowsDecimals, price.increment, price.listingId, price.dimensionKey);
    }

    private static PlanVersionResponse.PriceDefinitionResponse toResponse(PlanPrice price) {
        return new PlanVersionResponse.PriceDefinitionResponse(price.id, price.costTypeCategory,
                price.pricingStrategy, price.unit, ranges(price.ranges), price.packageSize, price.unitAllowsDecimals,
                price.increment, price.listingId, price.dimensionKey);
    }

    private static List<PlanVersionResponse.PriceRangeResponse> ranges(List<PriceRange> ranges) {
        return ranges.stream().map(range -> new PlanVersionResponse.PriceRangeResponse(range.min, range.max,
                range.salePrice, range.wholeSalePrice, range.flatAmount)).toList();
    }
}
