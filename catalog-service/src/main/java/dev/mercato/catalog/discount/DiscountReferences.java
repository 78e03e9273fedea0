package dev.mercato.catalog.discount;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.catalog.article.Article;
import dev.mercato.catalog.article.ArticleRepository;
import dev.mercato.catalog.listing.Listing;
import dev.mercato.catalog.listing.ListingRepository;
import dev.mercato.catalog.plan.Plan;
import dev.mercato.catalog.plan.PlanRepository;
import dev.mercato.platform.api.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Checks that the plans, articles and listings a discount names exist and belong to its owner (the
 * vendor itself; the platform owns everything below it), so a discount never points at something its
 * owner does not sell. A foreign item is refused exactly like a missing one, revealing nothing.
 * Needs an open session.
 */
@ApplicationScoped
class DiscountReferences {

    private final PlanRepository plans;
    private final ArticleRepository articles;
    private final ListingRepository listings;

    DiscountReferences(PlanRepository plans, ArticleRepository articles, ListingRepository listings) {
        this.plans = plans;
        this.articles = articles;
        this.listings = listings;
    }

    /** Fails with a 400 naming the first entry (e.g. {@code planIds[1]}) that is not the owner's; null lists pass. */
    Uni<Void> requireOwned(String ownerPath, List<String> planIds, List<String> articleSkus, List<String> listingIds) {
        return byKey(planIds, ids -> plans.list("id in ?1", ids), plan -> plan.id, plan -> plan.ownerPath)
                .invoke(found -> requireEach("planIds", "a plan", planIds, found, ownerPath))
                .chain(() -> byKey(articleSkus, articles::listBySkus, article -> article.sku, article -> article.ownerPath))
                .invoke(found -> requireEach("articleSkus", "the SKU of an article", articleSkus, found, ownerPath))
                .chain(() -> byKey(listingIds, ids -> listings.list("id in ?1", ids), listing -> listing.id,
                        listing -> listing.ownerPath))
                .invoke(found -> requireEach("listingIds", "a listing", listingIds, found, ownerPath))
                .replaceWithVoid();
    }

    /** The owner path of each stored item among {@code keys}, by key. */
    private static <E> Uni<Map<String, String>> byKey(List<String> keys, Function<List<String>, Uni<List<E>>> find,
            Function<E, String> key, Function<E, String> ownerPath) {
        if (keys == null || keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find.apply(keys.stream().distinct().toList())
                .map(found -> found.stream().collect(Collectors.toMap(key, ownerPath)));
    }

    private static void requireEach(String field, String what, List<String> keys, Map<String, String> ownerPaths,
            String ownerPath) {
        if (keys == null) {
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            String itemPath = ownerPaths.get(keys.get(i));
            if (itemPath == null || !(itemPath.equals(ownerPath) || itemPath.startsWith(ownerPath + "/"))) {
                throw ApiException.invalidField(field + "[" + i + "]", "must be " + what + " of the discount's owner; "
                        + keys.get(i) + " is not");
            }
        }
    }
}
