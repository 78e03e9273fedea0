package dev.mercato.webhook.owner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The organization that owns a listing or an article (SKU), as catalog-service last published it. */
@Entity
@Table(name = "product_owner")
public class ProductOwner {

    /** {@code listing:<id>} or {@code article:<sku>}. */
    @Id
    public String id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;
}
