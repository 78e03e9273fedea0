package dev.mercato.order.catalogmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads private offers of the local catalog read model through the caller's session. */
@ApplicationScoped
public class CatalogOffers {

    /** The listing {@code offerId} sells, or null when the offer is unknown or names none. */
    public Uni<String> listingOf(String offerId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select listing_id from catalog_offer where id = :id", String.class)
                .setParameter("id", offerId).getResultList())
                .map(List::stream)
                .map(rows -> rows.findFirst().orElse(null));
    }
}
