package dev.mercato.billing.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization as billing-service needs it (currency, billing day, place in the tree): a local
 * read model of identity-service's {@code identity.organizations} events.
 */
@Entity
@Table(name = "billing_customer")
public class BillingCustomer {

    @Id
    public String id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "customer_number", nullable = false)
    public String customerNumber;

    @Column(nullable = false)
    public String status;

    @Column(name = "parent_id")
    public String parentId;

    @Column(nullable = false)
    public String ancestry;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    @Column(nullable = false)
    public String currency;

    @Column(name = "billing_day", nullable = false)
    public int billingDay;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;
}
