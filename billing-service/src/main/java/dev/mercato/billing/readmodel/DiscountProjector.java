package dev.mercato.billing.readmodel;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.DiscountChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/** Applies discount snapshots to {@code billing_discount}: amounts, validity, billing cycles, unit limits, shares. */
@ApplicationScoped
public class DiscountProjector {

    private final ObjectMapper json;

    public DiscountProjector(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!DiscountChangedV1.CHANGED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        DiscountChangedV1 discount = event.dataAs(DiscountChangedV1.class, json);
        if (discount.id() == null || discount.ownerId() == null || discount.type() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks the discount's id, owner or type");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", discount.id());
        row.put("ownerId", discount.ownerId());
        row.put("type", discount.type());
        row.put("percentage", discount.percentage());
        row.put("price", discount.price());
        row.put("currency", discount.currency());
        row.put("startDate", discount.startDate());
        row.put("expirationDate", discount.expirationDate());
        row.put("minUnits", discount.minUnits());
        row.put("maxUnits", discount.maxUnits());
        row.put("billingCycles", discount.billingCycles());
        row.put("autoApply", discount.autoApply());
        row.put("partnerShare", discount.partnerSharePercentage());
        row.put("basePartnerShare", discount.basePartnerSharePercentage());
        row.put("planIds", Snapshots.textArray(discount.planIds()));
        row.put("skus", Snapshots.textArray(discount.articleSkus()));
        row.put("listingIds", Snapshots.textArray(discount.listingIds()));
        row.put("sourceVersion", discount.version());
        return NativeStatements.execute("""
                insert into billing_discount (id, owner_id, type, percentage, price, currency, start_date, expiration_date,
                    min_units, max_units, billing_cycles, auto_apply, partner_share, base_partner_share, plan_ids,
                    article_skus, listing_ids, source_version)
                values (:id, :ownerId, :type, cast(:percentage as numeric), cast(:price as numeric), :currency,
                    cast(:startDate as date), cast(:expirationDate as date), cast(:minUnits as bigint),
                    cast(:maxUnits as bigint), cast(:billingCycles as integer), :autoApply,
                    cast(:partnerShare as numeric), cast(:basePartnerShare as numeric), cast(cast(:planIds as text) as text[]),
                    cast(cast(:skus as text) as text[]), cast(cast(:listingIds as text) as text[]), :sourceVersion)
                on conflict (id) do update set owner_id = excluded.owner_id, type = excluded.type,
                    percentage = excluded.percentage, price = excluded.price, currency = excluded.currency,
                    start_date = excluded.start_date, expiration_date = excluded.expiration_date,
                    min_units = excluded.min_units, max_units = excluded.max_units,
                    billing_cycles = excluded.billing_cycles, auto_apply = excluded.auto_apply,
                    partner_share = excluded.partner_share, base_partner_share = excluded.base_partner_share,
                    plan_ids = excluded.plan_ids, article_skus = excluded.article_skus, listing_ids = excluded.listing_ids,
                    source_version = excluded.source_version
                where billing_discount.source_version < excluded.source_version""", row).replaceWithVoid();
    }
}
