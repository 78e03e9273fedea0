package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The descriptive attributes a create and a change request both carry; null means "not given" (keep the
 * current value, or the default for a new article).
 */
interface ArticleAttributes {

    String materialDescription();

    String shortDescription();

    String fullDescription();

    String productLineCode();

    String productLineDesc();

    String shortProductLineDesc();

    String earnbackType();

    String supportType();

    Deployment deployment();

    ContractType contractType();

    Integer contractTerm();

    Integer packSize();

    String materialType();

    String materialGroup();

    String productGroup();

    String discountClassification();

    String media();

    OperatingSystem operatingSystem();

    String productStatus();

    String productSubCat();

    String productRelease();

    String productType();

    ProductDivision productDivision();

    String iconGroup();

    String productRewardsCategory();

    String accessGroup();

    Boolean minimumPurchaseRequirement();

    Boolean ppiEligibility();

    Boolean pviEligibility();

    Boolean rpiEligibility();

    Boolean premiumEligibleProductLine();

    Boolean premiumEligibleSku();

    List<OrderType> supportedOrderTypes();

    LocalDate startDate();

    LocalDate endDate();

    String promoName();

    BigDecimal tokens();
}
