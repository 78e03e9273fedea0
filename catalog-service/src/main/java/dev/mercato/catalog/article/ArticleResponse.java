package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An article as the API shows it, with its links shown as the linked articles' summaries and prices. */
public record ArticleResponse(
        String id,
        String object,
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
        Deployment deployment,
        ContractType contractType,
        Integer contractTerm,
        int packSize,
        String materialType,
        String materialGroup,
        String productGroup,
        String discountClassification,
        String media,
        OperatingSystem operatingSystem,
        String productStatus,
        String productSubCat,
        String productRelease,
        String productType,
        ProductDivision productDivision,
        String iconGroup,
        String productRewardsCategory,
        String accessGroup,
        boolean minimumPurchaseRequirement,
        boolean ppiEligibility,
        boolean pviEligibility,
        boolean rpiEligibility,
        boolean premiumEligibleProductLine,
        boolean premiumEligibleSku,
        List<OrderType> supportedOrderTypes,
        List<Link> links,
        LocalDate startDate,
        LocalDate endDate,
        String promoName,
        BigDecimal tokens,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice,
        Instant createdAt,
        Instant lastUpdated,
        long version) {

    /** A link with the linked article's summary and its current prices. */
    public record Link(
            String sku,
            OrderType orderType,
            String productLineDesc,
            String shortDescription,
            Deployment deployment,
            Integer contractTerm,
            int packSize,
            Map<String, BigDecimal> purPrice,
            Map<String, BigDecimal> srpPrice) {
    }
}
