package dev.mercato.billing.readmodel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.SubscriptionChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/**
 * Applies subscription snapshots to {@code billing_subscription}, and records the ordered quantity each
 * snapshot carries from the day it was changed on, so a seat change within a period is prorated. An older snapshot
 * changes nothing.
 */
@ApplicationScoped
public class SubscriptionProjector {

    private final ObjectMapper json;

    public SubscriptionProjector(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!SubscriptionChangedV1.CHANGED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        SubscriptionChangedV1 subscription = event.dataAs(SubscriptionChangedV1.class, json);
        if (subscription.id() == null || subscription.customerId() == null || subscription.startDate() == null
                || subscription.endDate() == null || subscription.status() == null || subscription.createdAt() == null
                || subscription.quantity() < 0) {
            throw new PoisonEventException("event " + event.id()
                    + " lacks id, customer, status, dates, creation time or a quantity");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", subscription.id());
        row.put("customerId", subscription.customerId());
        row.put("serialNumber", subscription.serialNumber());
        row.put("status", subscription.status());
        row.put("startDate", subscription.startDate());
        row.put("endDate", subscription.endDate());
        row.put("sku", subscription.renewalSku());
        row.put("description", subscription.description());
        row.put("quantity", subscription.quantity());
        row.put("seats", subscription.seats());
        row.put("srp", Snapshots.json(json, Snapshots.prices(subscription.srpPrice())));
        row.put("pur", Snapshots.json(json, Snapshots.prices(subscription.purPrice())));
        row.put("listingId", subscription.listingId());
        row.put("retiredAt", subscription.retiredAt() == null ? null : subscription.retiredAt().atOffset(ZoneOffset.UTC));
        row.put("createdAt", subscription.createdAt().atOffset(ZoneOffset.UTC));
        row.put("sourceVersion", subscription.version());
        return NativeStatements.execute("""
                insert into billing_subscription (id, customer_id, serial_number, status, start_date, end_date, sku,
                    description, quantity, seats, srp_price, pur_price, listing_id, retired_at, created_at, source_version)
                values (:id, :customerId, :serialNumber, :status, :startDate, :endDate, :sku, :description, :quantity, :seats,
                    cast(cast(:srp as text) as jsonb), cast(cast(:pur as text) as jsonb), :listingId,
                    cast(:retiredAt as timestamptz), :createdAt, :sourceVersion)
                on conflict (id) do update set customer_id = excluded.customer_id, serial_number = excluded.serial_number,
                    status = excluded.status, start_date = excluded.start_date, end_date = excluded.end_date,
                    sku = excluded.sku, description = excluded.description, quantity = excluded.quantity,
                    seats = excluded.seats,
                    srp_price = excluded.srp_price, pur_price = excluded.pur_price, listing_id = excluded.listing_id,
                    retired_at = excluded.retired_at, source_version = excluded.source_version
                where billing_subscription.source_version < excluded.source_version""", row)
                .chain(changed -> changed == 0 ? Uni.createFrom().voidItem() : recordQuantity(subscription));
    }

    /** The quantity holds from the day of the change (the start date for the first snapshot) until the next change. */
    private Uni<Void> recordQuantity(SubscriptionChangedV1 subscription) {
        LocalDate changedOn = subscription.lastUpdated() == null ? subscription.startDate()
                : subscription.lastUpdated().atOffset(ZoneOffset.UTC).toLocalDate();
        Map<String, Object> row = Map.of("id", subscription.id(), "start", subscription.startDate(),
                "changedOn", changedOn.isBefore(subscription.startDate()) ? subscription.startDate() : changedOn,
                "quantity", subscription.quantity());
        return NativeStatements.execute("""
                insert into billing_subscription_quantity (subscription_id, effective_from, quantity)
                select :id, case when exists (select 1 from billing_subscription_quantity where subscription_id = :id)
                                 then cast(:changedOn as date) else cast(:start as date) end, :quantity
                on conflict (subscription_id, effective_from) do update set quantity = excluded.quantity""", row)
                .replaceWithVoid();
    }
}
