package dev.mercato.order.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.account.SalesChannel;
import dev.mercato.order.contract.ContractManager;
import dev.mercato.order.contract.ContractType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One article (SKU) a customer bought in a contract: seats between two dates, identified by its serial
 * number. Its contract's number, dates, term and type, customer, channel and manager are copied in, so it
 * reads whole on its own; they are kept in step when the contract changes.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    public String id;

    @Column(name = "serial_number", nullable = false, unique = true)
    public String serialNumber;

    @Column(name = "contract_id", nullable = false)
    public String contractId;

    @Column(name = "contract_number", nullable = false)
    public String contractNumber;

    @Column(name = "contract_start_date", nullable = false)
    public LocalDate contractStartDate;

    @Column(name = "contract_end_date", nullable = false)
    public LocalDate contractEndDate;

    @Column(name = "contract_term", nullable = false)
    public int contractTerm;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType contractType;

    @Embedded
    public CustomerRef customer;

    @Embedded
    public SalesChannel channel;

    @Embedded
    public ContractManager contractManager;

    /** What the dates (and retirement) make it; kept current by the status sweep. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    /** The last day it may be used. */
    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    /** The open renewal opportunity listing it, once there is one. */
    @Column(name = "opportunity_number")
    public String opportunityNumber;

    /** The article it is of; its links say how it renews, grows or switches. */
    @Column(name = "renewal_sku", nullable = false)
    public String renewalSku;

    public String description;

    @Column(name = "product_line_code")
    public String productLineCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Deployment deployment;

    @Enumerated(EnumType.STRING)
    @Column(name = "activation_type", nullable = false)
    public ActivationType activationType;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "pack_size", nullable = false)
    public int packSize;

    /** quantity × pack size. */
    @Column(nullable = false)
    public int seats;

    /** The price of one quantity. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Prices prices;

    @Column(name = "primary_admin_email")
    public String primaryAdminEmail;

    @Column(name = "primary_admin_first_name")
    public String primaryAdminFirstName;

    @Column(name = "primary_admin_last_name")
    public String primaryAdminLastName;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "team_name")
    public String teamName;

    /** The metered listing it gives use of, if any; its entitlement is then the listing's. */
    @Column(name = "listing_id")
    public String listingId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dimensions", nullable = false)
    public Dimensions dimensionSet;

    /** When it was retired (traded in or switched away): expired from then on, whatever its dates. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    public long version;

    public List<String> dimensions() {
        return dimensionSet.keys();
    }

    /** The product its entitlement is for: the listing when it has one, else the article. */
    public String productKey() {
        return productKey(listingId, renewalSku);
    }

    public static String productKey(String listingId, String sku) {
        return listingId != null ? "listing:" + listingId : "sku:" + sku;
    }

    /** The status {@code today} gives it. */
    public SubscriptionStatus statusOn(LocalDate today) {
        return SubscriptionStatus.on(today, startDate, endDate, retiredAt);
    }

    /** The metered dimensions (keys) of its listing it gives use of; kept in a JSON object. */
    @RegisterForReflection // stored as JSON in subscription.dimensions
    public record Dimensions(List<String> keys) {

        public Dimensions {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }
}
