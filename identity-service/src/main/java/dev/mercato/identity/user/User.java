package dev.mercato.identity.user;

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
 * A person who logs in to Mercato: one role in one organization. {@code ownerPath} is that
 * organization's path, so who may see the user is the usual prefix test (docs/SECURITY.md).
 */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    public String id;

    /** As the user typed it; unique whatever its case. */
    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UserStatus status;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** {@link PasswordHasher}'s encoding; null for a user who only logs in through a federated issuer. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }
}
