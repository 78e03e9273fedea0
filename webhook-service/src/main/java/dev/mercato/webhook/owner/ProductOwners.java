package dev.mercato.webhook.owner;


import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The read model of who owns what is sold — listing → vendor (catalog.listings), article SKU → owner
 * (catalog.articles) — so that an entitlement or a subscription also reaches the vendor of its listing or article
 * (looked up for a whole poll by {@code FanOut}).
 */
@ApplicationScoped
public class ProductOwners {

    private final ProductOwnerRepository owners;

    public ProductOwners(ProductOwnerRepository owners) {
        this.owners = owners;
    }

    public static String listing(String listingId) {
        return "listing:" + listingId;
    }

    public static String article(String sku) {
        return "article:" + sku;
    }

    /** Records that {@code ownerId} owns {@code product} as of {@code version}; an older version changes nothing. */
    public Uni<Void> apply(String product, String ownerId, long version) {
        return owners.findById(product).chain(existing -> {
            if (existing != null && existing.sourceVersion >= version) {
                return Uni.createFrom().voidItem();
            }
            ProductOwner owner = existing == null ? new ProductOwner() : existing;
            owner.id = product;
            owner.ownerId = ownerId;
            owner.sourceVersion = version;
            return existing == null ? owners.persist(owner).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}
