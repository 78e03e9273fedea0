package dev.mercato.order.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization as order-service knows it (an "Account" of the reseller API): a local read model built from
 * identity-service's {@code identity.organizations} events, never written by this service's API.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public String id;

    /** The customer number (CSN). */
    @Column(nullable = false)
    public String csn;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    public AccountType accountType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @Column(name = "parent_id")
    public String parentId;

    /** Ids from the platform down to the parent, '/'-separated. */
    @Column(nullable = false)
    public String ancestry;

    /** Ancestry + '/' + id (just the id for a root): compared with the caller's path for visibility. */
    @Column(nullable = false)
    public String path;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    @Column(name = "address_line1")
    public String addressLine1;
    @Column(name = "address_line2")
    public String addressLine2;
    @Column(name = "address_line3")
    public String addressLine3;
    public String city;
    public String postal;
    @Column(name = "state_province")
    public String stateProvince;
    public String country;
    public String segment;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String metadata;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    /** The organization version this row reflects; older snapshots arriving late are ignored. */
    @Column(name = "source_version", nullable = false)
    public long sourceVersion;
}
