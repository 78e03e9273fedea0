package dev.mercato.order.catalogmodel;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.SessionReads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads private offers of the local catalog read model through the caller's session. */
@ApplicationScoped
public class CatalogOffers {

    /** The listing {@code offerId} sells, or null when the offer is unknown or names none. */
    public Uni<String> listingOf(String offerId) {
        return Panache.getSession()
                .chain(session -> SessionReads.rows(session, "select listing_id from catalog_offer where id = $1", offerId))
                .map(rows -> rows.isEmpty() ? null : (String) rows.get(0)[0]);
    }
}
