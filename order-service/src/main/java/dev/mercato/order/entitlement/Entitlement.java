package dev.mercato.order.entitlement;

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
import dev.mercato.order.subscription.SubscriptionStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a customer may use of one product — a metered listing or an article — derived from its
 * subscriptions of it: one per customer and product, recomputed whenever one of them changes.
 */
@Entity
@Table(name = "entitlement")
public class Entitlement {

    @Id
    public String id;

    @Embedded
    public CustomerRef customer;

    /** {@code listing:<id>} or {@code sku:<sku>}: what makes it one per customer. */
    @Column(name = "product_key", nullable = false)
    public String productKey;

    @Column(name = "listing_id")
    public String listingId;

    public String sku;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dimensions", nullable = false)
    public Keys dimensionSet;

    /** Seats of its active subscriptions. */
    @Column(nullable = false)
    public int seats;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    /** ACTIVE when a subscription is, INACTIVE when one will be, else EXPIRED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status;

    /** The serial numbers it comes from. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "subscriptions", nullable = false)
    public Keys subscriptionSet;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    public long version;

    /** A list of strings kept in a JSON object, as Hibernate Reactive binds JSON columns. */
    @RegisterForReflection // stored as JSON in entitlement.dimensions and entitlement.subscriptions
    public record Keys(List<String> keys) {

        public Keys {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }
}
