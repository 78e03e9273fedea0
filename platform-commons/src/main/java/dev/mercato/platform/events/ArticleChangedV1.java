package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of an article (an orderable SKU) after a change, as catalog-service publishes it on
 * {@link Topics#CATALOG_ARTICLES}, keyed by the article's id. Enough to confirm an order's prices without
 * calling catalog: a line costs the SKU's amount in the order's currency times the quantity, for an
 * order type in {@code supportedOrderTypes}, on a day within {@code startDate}–{@code endDate}
 * (null ends are open). A link names the linked SKU only: its prices are in that article's own snapshot.
 * {@code version} grows with every change, so an older snapshot arriving late is recognised and ignored.
 *
 * @param purPrice purchase price object: lower-case ISO 4217 code → amount
 * @param srpPrice suggested retail price object: lower-case ISO 4217 code → amount
 * @param supportedOrderTypes INITIAL, RENEWAL, ADD_SEAT, ADD_PRODUCT, EXTEND, MULTI_USER_TRADE_IN, S2S
 * @param tokens prepaid tokens one ordered unit credits to the customer's balance with the article's owner;
 *               null when the article is not a token pack
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record ArticleChangedV1(
        String id,
        String sku,
        String ownerId,
        String materialDescription,
        String shortDescription,
        String fullDescription,
        String productLineCode,
        String productLineDesc,
        String shortProductLineDesc,
        String earnbackType,
        String supportType,
        String deployment,
        String contractType,
        Integer contractTerm,
        int packSize,
        String materialType,
        String materialGroup,
        String productGroup,
        String discountClassification,
        String media,
        String operatingSystem,
        String productStatus,
        String productSubCat,
        String productRelease,
        String productType,
        String productDivision,
        String iconGroup,
        String productRewardsCategory,
        String accessGroup,
        boolean minimumPurchaseRequirement,
        boolean ppiEligibility,
        boolean pviEligibility,
        boolean rpiEligibility,
        boolean premiumEligibleProductLine,
        boolean premiumEligibleSku,
        List<String> supportedOrderTypes,
        List<LinkV1> links,
        LocalDate startDate,
        LocalDate endDate,
        String promoName,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        Instant createdAt,
        Instant lastUpdated,
        long version,
        BigDecimal tokens) {

    public static final String TYPE = "mercato.catalog.article.changed.v1";

    /** The SKU to use for an order type, seen from this article. */
    @RegisterForReflection // part of a Kafka payload
    public record LinkV1(String sku, String orderType) {
    }
}
