package dev.mercato.catalog.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A vendor's plan: what it is called and which listing it prices, and which of its numbered
 * {@link PlanVersion}s is published and which one is being edited. Every change of the plan or one of
 * its versions touches this row, so its {@code @Version} lets exactly one of two concurrent writers win.
 */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public String id;

    /** The VENDOR organization that owns the plan. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "listing_id")
    public String listingId;

    /** The newest published version; null until the first publish. */
    @Column(name = "published_version")
    public Integer publishedVersion;

    /** The version being edited; null when every version is published. */
    @Column(name = "draft_version")
    public Integer draftVersion;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isPublished() {
        return publishedVersion != null;
    }
}
