package dev.mercato.identity.settings;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Branding, licensing and identity settings of one organization. An organization without a row has
 * the defaults ({@link #defaultsFor}).
 */
@Entity
@Table(name = "organization_settings")
public class OrganizationSettings {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "logo_url")
    public String logoUrl;

    /** {@code #rrggbb}, lower case. */
    @Column(name = "primary_color")
    public String primaryColor;

    public Integer seats;

    @Enumerated(EnumType.STRING)
    @Column(name = "license_type")
    public LicenseType licenseType;

    /** Configured issuer names, comma-separated; empty means none (federated login is deny-by-default). */
    @Column(name = "allowed_issuers", nullable = false)
    public String allowedIssuers;

    @Column(name = "password_min_length", nullable = false)
    public int passwordMinLength;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The settings an organization has before anyone saves any (not persisted). */
    public static OrganizationSettings defaultsFor(String organizationId, String ownerPath, int passwordMinLength) {
        OrganizationSettings settings = new OrganizationSettings();
        settings.organizationId = organizationId;
        settings.ownerPath = ownerPath;
        settings.allowedIssuers = "";
        settings.passwordMinLength = passwordMinLength;
        return settings;
    }

    public List<String> allowedIssuerList() {
        return allowedIssuers.isEmpty() ? List.of() : Arrays.asList(allowedIssuers.split(","));
    }

    /**
     * Whether users of this organization may log in through the configured issuer {@code issuerName}: only
     * when the organization lists it.
     */
    public boolean allowsIssuer(String issuerName) {
        return allowedIssuerList().contains(issuerName);
    }
}
