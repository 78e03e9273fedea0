package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An orderable item (SKU) with its classifiers, orderable window and supported order types. Its price
 * objects are {@link ArticlePrice} rows and its links {@link ArticleLink} rows. Owned by the platform or
 * by a vendor organization.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    public String id;

    /** The business key: 1–35 characters, unique, never changed. */
    @Column(nullable = false)
    public String sku;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** The owner's organization path, compared with the caller's for writes. */
    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Column(name = "material_description")
    public String materialDescription;
    @Column(name = "short_description")
    public String shortDescription;
    @Column(name = "full_description")
    public String fullDescription;
    @Column(name = "product_line_code")
    public String productLineCode;
    @Column(name = "product_line_desc")
    public String productLineDesc;
    @Column(name = "short_product_line_desc")
    public String shortProductLineDesc;
    @Column(name = "earnback_type")
    public String earnbackType;
    @Column(name = "support_type")
    public String supportType;

    @Enumerated(EnumType.STRING)
    public Deployment deployment;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type")
    public ContractType contractType;

    /** Months. */
    @Column(name = "contract_term")
    public Integer contractTerm;

    /** Seats per quantity ordered. */
    @Column(name = "pack_size", nullable = false)
    public int packSize;

    @Column(name = "material_type")
    public String materialType;
    @Column(name = "material_group")
    public String materialGroup;
    @Column(name = "product_group")
    public String productGroup;
    @Column(name = "discount_classification")
    public String discountClassification;
    public String media;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_system")
    public OperatingSystem operatingSystem;

    @Column(name = "product_status")
    public String productStatus;
    @Column(name = "product_sub_cat")
    public String productSubCat;
    @Column(name = "product_release")
    public String productRelease;
    @Column(name = "product_type")
    public String productType;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_division")
    public ProductDivision productDivision;

    @Column(name = "icon_group")
    public String iconGroup;
    @Column(name = "product_rewards_category")
    public String productRewardsCategory;
    @Column(name = "access_group")
    public String accessGroup;
    @Column(name = "minimum_purchase_requirement", nullable = false)
    public boolean minimumPurchaseRequirement;
    @Column(name = "ppi_eligibility", nullable = false)
    public boolean ppiEligibility;
    @Column(name = "pvi_eligibility", nullable = false)
    public boolean pviEligibility;
    @Column(name = "rpi_eligibility", nullable = false)
    public boolean rpiEligibility;
    @Column(name = "premium_eligible_product_line", nullable = false)
    public boolean premiumEligibleProductLine;
    @Column(name = "premium_eligible_sku", nullable = false)
    public boolean premiumEligibleSku;

    /** {@link OrderType} names in canonical order, comma-separated; see {@link OrderType#join}. */
    @Column(name = "supported_order_types", nullable = false)
    public String supportedOrderTypes;

    /** First day the article can be ordered; null: since always. */
    @Column(name = "start_date")
    public LocalDate startDate;

    /** Last day the article can be ordered; null: open-ended. */
    @Column(name = "end_date")
    public LocalDate endDate;

    /** Set for a promotion article; null otherwise. */
    @Column(name = "promo_name")
    public String promoName;

    /** Prepaid tokens one ordered unit credits to the customer's balance; null: not a token article. */
    @Column(name = "tokens")
    public BigDecimal tokens;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    @Column(nullable = false)
    public long version;
}
