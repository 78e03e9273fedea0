package dev.mercato.identity.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member of the marketplace: the platform, a distributor, a partner (reseller), a tenant (end
 * customer) or a vendor. {@code ancestry} lists the ids from the platform down to the parent,
 * separated by '/', and {@code path} adds the organization's own id, so "is X under Y" is a prefix test.
 */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Column(name = "parent_id")
    public String parentId;

    @Column(nullable = false)
    public String ancestry;

    /** {@code ancestry/id} (just the id for the platform): what visibility is decided on. */
    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public String name;

    @Column(name = "external_id")
    public String externalId;

    /** The 10-character customer number (CSN). */
    @Column(name = "customer_number", nullable = false)
    public String customerNumber;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    @Embedded
    public Address address;

    public String segment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationStatus status;

    /** Lower-case ISO 4217 code of the currency it is billed in. */
    @Column(nullable = false)
    public String currency;

    @Column(name = "billing_day", nullable = false)
    public int billingDay;

    /** Free-form JSON object. */
    @Column(nullable = false)
    public String metadata;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
