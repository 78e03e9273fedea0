package dev.mercato.order.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A placed order (a "Transaction"): what was ordered, for which customer, at which confirmed price, and
 * where its asynchronous processing is. {@code attempt} counts the processing runs (a retry starts a new one).
 */
@Entity
@Table(name = "order_transaction")
public class OrderTransaction {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransactionStatus status;

    @Column(name = "status_message")
    public String statusMessage;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType orderType;

    /** The organization that placed the order. */
    @Column(name = "reseller_id", nullable = false)
    public String resellerId;
    @Column(name = "reseller_csn")
    public String resellerCsn;
    @Column(name = "reseller_name")
    public String resellerName;
    @Column(name = "reseller_site_id", nullable = false)
    public String resellerSiteId;
    @Column(name = "distributor_csn")
    public String distributorCsn;

    @Column(nullable = false)
    public String currency;

    @Column(name = "customer_id", nullable = false)
    public String customerId;
    /** The customer account's organization path: who may see the transaction. */
    @Column(name = "customer_path", nullable = false)
    public String customerPath;
    @Column(name = "customer_csn", nullable = false)
    public String customerCsn;
    @Column(name = "customer_name", nullable = false)
    public String customerName;
    @Column(name = "customer_address_line1")
    public String customerAddressLine1;
    @Column(name = "customer_address_line2")
    public String customerAddressLine2;
    @Column(name = "customer_address_line3")
    public String customerAddressLine3;
    @Column(name = "customer_city")
    public String customerCity;
    @Column(name = "customer_postal")
    public String customerPostal;
    @Column(name = "customer_country")
    public String customerCountry;

    @Column(name = "contact_first_name")
    public String contactFirstName;
    @Column(name = "contact_last_name")
    public String contactLastName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_language")
    public String contactLanguage;
    @Column(name = "contact_country_code")
    public String contactCountryCode;
    @Column(name = "account_admin_email")
    public String accountAdminEmail;

    /** The accepted private offer this order comes from, if any; an offer makes one order. */
    @Column(name = "offer_id")
    public String offerId;

    @Column(name = "opportunity_number")
    public String opportunityNumber;
    @Column(name = "contract_number")
    public String contractNumber;
    @Column(name = "contract_start_date")
    public LocalDate contractStartDate;
    @Column(name = "contract_end_date")
    public LocalDate contractEndDate;
    /** Months. */
    @Column(name = "contract_term")
    public Integer contractTerm;
    @Column(name = "partial_renewal", nullable = false)
    public boolean partialRenewal;

    /** The total number of items ordered. */
    @Column(nullable = false)
    public int quantity;
    /** The confirmed total in {@link #currency}. */
    @Column(nullable = false)
    public BigDecimal price;

    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "delivery_date", nullable = false)
    public LocalDate deliveryDate;
    @Column(name = "purchase_order_number", nullable = false)
    public String purchaseOrderNumber;

    /** Kept in a JSON object, not a bare array: Hibernate Reactive binds JSON columns as objects. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Items items;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "processed_at")
    public Instant processedAt;

    @Version
    public long version;

    /** The stored form of a transaction's items. */
    @RegisterForReflection // stored as JSON in order_transaction.items
    public record Items(List<TransactionItem> lines) {
    }
}
