package dev.mercato.identity.credential;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mercato.identity.token.RateLimits;
import dev.mercato.identity.token.TokenSubject;
import dev.mercato.platform.security.Role;

/**
 * A machine credential owned by an organization: an OAuth application (client id and secret, for the
 * client-credentials grant) or an API key (exchanged for tokens at {@code POST /api/v1/auth}). Its secret is
 * held only as a keyed hash; during a rotation overlap the previous secret's hash is kept until it expires.
 * Using it never writes this entity: {@code lastUsedAt} is set by a plain update that leaves the version alone.
 */
@Entity
@Table(name = "credential")
public class Credential {

    /** The client id ({@code app_…}) of an application, the key id ({@code key_…}) of an API key. */
    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialKind kind;

    @Column(nullable = false)
    public String name;

    public String description;

    /** An API key's first characters, to tell keys apart in lists; null for applications. */
    @Column(name = "key_prefix")
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

    /** The owning organization's path: who may see and manage the credential. */
    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialStatus status;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "previous_secret_hash")
    public String previousSecretHash;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "secret_rotated_at", nullable = false)
    public Instant secretRotatedAt;

    @Column(name = "rate_limit_per_hour")
    public Integer rateLimitPerHour;

    @Column(name = "rate_limit_per_minute")
    public Integer rateLimitPerMinute;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    /** What the tokens of this credential carry: it is its own subject and client. */
    public TokenSubject subject() {
        return new TokenSubject(id, id, organizationId, organizationKind, ownerPath, role,
                RateLimits.of(rateLimitPerHour, rateLimitPerMinute));
    }
}
