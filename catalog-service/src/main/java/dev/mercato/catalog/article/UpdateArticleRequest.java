package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.mercato.catalog.article.CreateArticleRequest.LinkRequest;

/**
 * The body of {@code PATCH /api/v1/articles/{sku}}: only the fields given change; a list or price object
 * given replaces the old one whole. {@code version}, when given, must be the version the caller read.
 */
public record UpdateArticleRequest(
        @PositiveOrZero Long version,
        @Size(max = 1000) String materialDescription,
        @Size(max = 1000) String shortDescription,
        @Size(max = 1000) String fullDescription,
        @Size(max = 50) String productLineCode,
        @Size(max = 200) String productLineDesc,
        @Size(max = 200) String shortProductLineDesc,
        @Size(max = 50) String earnbackType,
        @Size(max = 50) String supportType,
        Deployment deployment,
        ContractType contractType,
        @Min(1) @Max(120) Integer contractTerm,
        @Min(1) @Max(100000) Integer packSize,
        @Size(max = 50) String materialType,
        @Size(max = 50) String materialGroup,
        @Size(max = 100) String productGroup,
        @Size(max = 50) String discountClassification,
        @Size(max = 50) String media,
        OperatingSystem operatingSystem,
        @Size(max = 50) String productStatus,
        @Size(max = 50) String productSubCat,
        @Size(max = 50) String productRelease,
        @Size(max = 50) String productType,
        ProductDivision productDivision,
        @Size(max = 50) String iconGroup,
        @Size(max = 50) String productRewardsCategory,
        @Size(max = 50) String accessGroup,
        Boolean minimumPurchaseRequirement,
        Boolean ppiEligibility,
        Boolean pviEligibility,
        Boolean rpiEligibility,
        Boolean premiumEligibleProductLine,
        Boolean premiumEligibleSku,
        @Size(max = 7) List<@NotNull OrderType> supportedOrderTypes,
        @Size(max = 50) List<@Valid @NotNull LinkRequest> links,
        LocalDate startDate,
        LocalDate endDate,
        @Size(min = 1, max = 200) String promoName,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal tokens,
        Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice) implements ArticleAttributes {
}
