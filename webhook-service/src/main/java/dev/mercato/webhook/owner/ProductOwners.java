package dev.mercato.webhook.owner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The read model of who owns what is sold — listing → vendor (catalog.listings), article SKU → owner
 * (catalog.articles) — so that an entitlement or a subscription also reaches the vendor of its listing or article.
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

    /**
     * The owner of the listing {@code listingId}, else of the article {@code sku}; null when neither is known (then
     * only the customer's side receives the event).
     */
    public Uni<String> ownerOf(String listingId, String sku) {
        List<String> products = new ArrayList<>(2);
        if (listingId != null) {
            products.add(listing(listingId));
        }
        if (sku != null) {
            products.add(article(sku));
        }
        if (products.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // One query for both; the listing's owner wins when both are known.
        return owners.list("id in ?1", products).map(found -> found.stream()
                .min(Comparator.comparing(owner -> products.indexOf(owner.id)))
                .map(owner -> owner.ownerId).orElse(null));
    }
}
