package dev.mercato.platform.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization as a service other than identity knows it: a read model of {@code identity.organizations}
 * holding what ownership and visibility are decided on. Never written by an API.
 */
@Entity(name = "DirectoryOrganization")
@Table(name = "directory_organization")
public class DirectoryOrganization {

    @Id
    public String id;

    /** PLATFORM, DISTRIBUTOR, PARTNER, TENANT or VENDOR. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "parent_id")
    public String parentId;

    /** Ids from the platform down to this organization, '/'-separated, as in a caller's token. */
    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public String name;

    /** ACTIVE, INACTIVE or SUSPENDED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "customer_number")
    public String customerNumber;

    @Column(name = "country_code")
    public String countryCode;

    /** Lower-case ISO 4217 code of the currency it is billed in. */
    public String currency;

    @Column(name = "billing_day")
    public Integer billingDay;

    /** The organization version this row reflects; older snapshots arriving late are ignored. */
    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
