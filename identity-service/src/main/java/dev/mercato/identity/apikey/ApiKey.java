package dev.mercato.identity.apikey;

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
 * A long-lived key an integration exchanges for tokens at {@code POST /api/v1/auth} (seed 003). Held only
 * as a keyed hash; {@code keyPrefix} (its first characters) tells keys apart in lists.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

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

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApiKeyStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;
}
