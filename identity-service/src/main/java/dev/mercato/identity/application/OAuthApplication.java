package dev.mercato.identity.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mercato.platform.security.Role;

/**
 * An OAuth client of the client-credentials grant, owned by an organization. Its secret is held only
 * as a keyed hash; during a rotation overlap the previous secret's hash is kept until it expires.
 */
@Entity
@Table(name = "oauth_application")
public class OAuthApplication {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Space-separated, sorted. */
    @Column(nullable = false)
    public String scopes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "organization_kind", nullable = false)
    public String organizationKind;

    /** The owning organization's path: who may see and manage the application. */
    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "previous_secret_hash")
    public String previousSecretHash;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "secret_rotated_at", nullable = false)
    public Instant secretRotatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;
}
