package dev.mercato.order.catalogmodel;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.order.transaction.OfferOrders;
import dev.mercato.platform.events.PrivateOfferChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/**
 * Applies private offer snapshots to {@code catalog_offer}: whose offer, for which customer, its terms and
 * status, so an accepted offer can become an order. Each change arrives as {@code offer.changed}; an acceptance
 * also as {@code offer.accepted}, a copy of the same snapshot: whichever comes first is stored (the upsert keeps
 * the newer version, so the second changes nothing) and becomes an order ({@link OfferOrders}).
 */
@ApplicationScoped
public class OfferProjector {

    private final ObjectMapper json;
    private final OfferOrders orders;

    public OfferProjector(ObjectMapper json, OfferOrders orders) {
        this.json = json;
        this.orders = orders;
    }

    public Uni<Void> apply(IncomingEvent event) {
        boolean changed = PrivateOfferChangedV1.CHANGED.equals(event.type());
        if (!changed && !PrivateOfferChangedV1.ACCEPTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        PrivateOfferChangedV1 offer = event.dataAs(PrivateOfferChangedV1.class, json);
        if (offer.id() == null || offer.status() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks the offer's id or status");
        }
        // Whichever copy of an accepted snapshot comes first stores it (the order's processing reads the offer's
        // listing from here) and places the order; the other finds both done.
        Uni<Void> order = orders.accepted(offer);
        Map<String, Object> row = new HashMap<>();
        row.put("id", offer.id());
        row.put("vendor", offer.vendor());
        row.put("vendorId", offer.vendorId());
        row.put("listingId", offer.listingId());
        row.put("customerId", offer.customerId());
        row.put("status", offer.status());
        row.put("discount", offer.pricing() == null ? null : offer.pricing().discountPercentage());
        row.put("duration", offer.pricing() == null ? null : offer.pricing().duration());
        row.put("acceptedAt", offer.acceptedAt());
        row.put("expiresAt", offer.expiresAt());
        row.put("sourceVersion", offer.version());
        return NativeStatements.execute("""
                insert into catalog_offer (id, vendor, vendor_id, listing_id, customer_id, status, discount_percentage,
                    duration_months, accepted_at, expires_at, source_version)
                values (:id, :vendor, :vendorId, :listingId, :customerId, :status, cast(:discount as numeric),
                    cast(:duration as integer), cast(:acceptedAt as timestamptz), cast(:expiresAt as timestamptz),
                    :sourceVersion)
                on conflict (id) do update set vendor = excluded.vendor, vendor_id = excluded.vendor_id,
                    listing_id = excluded.listing_id,
                    customer_id = excluded.customer_id, status = excluded.status,
                    discount_percentage = excluded.discount_percentage, duration_months = excluded.duration_months,
                    accepted_at = excluded.accepted_at, expires_at = excluded.expires_at,
                    source_version = excluded.source_version
                where catalog_offer.source_version < excluded.source_version""", row).chain(() -> order);
    }
}
