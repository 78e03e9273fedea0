package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A plan with every one of its versions, as catalog-service publishes it on {@link Topics#CATALOG_PLANS}
 * (type {@value #TYPE}) after each change. A {@code PUBLISHED} version never changes, so a consumer that
 * rates a subscription keeps rating it through the version it bought, read from the latest snapshot;
 * a {@code DRAFT} version may still change and is never to be sold or rated. {@code version} grows with
 * every change, so an older snapshot arriving late is recognised and ignored.
 *
 * @param ownerId          the vendor organization owning the plan
 * @param publishedVersion the newest published version (what new subscriptions buy); null before the first publish
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record PlanChangedV1(
        String id,
        String ownerId,
        String name,
        String description,
        String listingId,
        Integer publishedVersion,
        Integer draftVersion,
        List<PlanVersionV1> versions,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String TYPE = "mercato.catalog.plan.changed.v1";

    /**
     * One version of the plan and all its prices.
     *
     * @param status        DRAFT or PUBLISHED
     * @param currency      lower-case ISO 4217 code of every price of the version
     * @param pricingPeriod MONTHLY, QUARTERLY, SIX_MONTHS, YEARLY, TWO_YEARS or THREE_YEARS; null without recurring prices
     */
    @RegisterForReflection // part of a Kafka payload
    public record PlanVersionV1(int version, String status, String currency, String pricingPeriod,
            FreeTrialTermsV1 freeTrialTerms, List<PriceDefinitionV1> priceDefinitions, Instant createdAt,
            Instant publishedAt) {
    }

    /** A free trial: {@code freeTrialDuration} {@code freeTrialDurationPeriod}s (DAY, WEEK, MONTH, YEAR), then a grace of days. */
    @RegisterForReflection // part of a Kafka payload
    public record FreeTrialTermsV1(int freeTrialDuration, String freeTrialDurationPeriod, Integer freeTrialGracePeriod) {
    }

    /**
     * One price, with everything the pricing engine needs to compute it.
     *
     * @param costTypeCategory RECURRING, ONE_TIME or USAGE
     * @param pricingStrategy  FLAT, UNIT, TIERED, VOLUME or PACKAGE
     * @param listingId        with {@code dimensionKey}: the listing dimension a USAGE price meters
     */
    @RegisterForReflection // part of a Kafka payload
    public record PriceDefinitionV1(String id, String costTypeCategory, String pricingStrategy, String unit,
            List<PriceRangeV1> priceRanges, BigDecimal packageSize, boolean unitAllowsDecimals, BigDecimal increment,
            String listingId, String dimensionKey) {
    }

    /** The quantities above {@code min} up to and including {@code max} (null: open-ended). */
    @RegisterForReflection // part of a Kafka payload
    public record PriceRangeV1(BigDecimal min, BigDecimal max, BigDecimal salePrice, BigDecimal wholeSalePrice,
            BigDecimal flatAmount) {
    }
}
