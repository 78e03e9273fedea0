package dev.mercato.catalog.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A vendor organization's product on a marketplace ({@code aws}, {@code azure} or {@code direct}) and
 * the dimensions its usage is metered in. The dimensions live in one JSON column: they are read and
 * changed with their listing, under its version.
 */
@Entity
@Table(name = "listing")
public class Listing {

    @Id
    public String id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    /** aws, azure or direct. */
    @Column(nullable = false)
    public String marketplace;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "product_code")
    public String productCode;

    /** Lower-case ISO 4217 code the dimensions' unit prices are in. */
    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListingStatus status;

    /** Kept in a JSON object, not a bare array: Hibernate Reactive binds JSON columns as objects. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dimensions", nullable = false)
    public Dimensions dimensionSet;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<ListingDimension> dimensions() {
        return dimensionSet.items();
    }

    public void replaceDimensions(List<ListingDimension> dimensions) {
        dimensionSet = new Dimensions(List.copyOf(dimensions));
    }

    public Optional<ListingDimension> dimension(String key) {
        return dimensions().stream().filter(dimension -> dimension.key().equals(key)).findFirst();
    }

    /** The stored form of a listing's dimensions. */
    @RegisterForReflection // stored as JSON in listing.dimensions
    public record Dimensions(List<ListingDimension> items) {
    }
}
