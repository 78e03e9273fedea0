package dev.mercato.billing.readmodel;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.UsageAggregateV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the highest revision of every closed hourly aggregate in {@code billing_usage}. A correction (or an
 * hour closed late) for a period already invoiced is picked up by the adjustment sweep through
 * {@code changed_at}; a lower or equal revision changes nothing.
 */
@ApplicationScoped
public class UsageAggregateProjector {

    private final ObjectMapper json;

    public UsageAggregateProjector(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!UsageAggregateV1.CLOSED.equals(event.type()) && !UsageAggregateV1.CORRECTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        UsageAggregateV1 aggregate = event.dataAs(UsageAggregateV1.class, json);
        if (aggregate.id() == null || aggregate.customerId() == null || aggregate.dimension() == null
                || aggregate.hourStart() == null || aggregate.value() == null || aggregate.value().signum() < 0
                || aggregate.aggregation() == null) {
            throw new PoisonEventException("event " + event.id()
                    + " lacks the aggregate's id, customer, dimension, hour, aggregation or a non-negative value");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", aggregate.id());
        row.put("customerId", aggregate.customerId());
        row.put("subscriptionId", aggregate.subscriptionId());
        row.put("listingId", aggregate.listingId());
        row.put("dimension", aggregate.dimension());
        row.put("hourStart", aggregate.hourStart().atOffset(ZoneOffset.UTC));
        row.put("aggregation", aggregate.aggregation());
        row.put("value", aggregate.value());
        row.put("revision", aggregate.revision());
        return NativeStatements.execute("""
                insert into billing_usage (id, customer_id, subscription_id, listing_id, dimension, hour_start,
                    aggregation, value, revision, changed_at)
                values (:id, :customerId, :subscriptionId, :listingId, :dimension, :hourStart, :aggregation, :value,
                    :revision, clock_timestamp())
                on conflict (id) do update set value = excluded.value, revision = excluded.revision,
                    changed_at = excluded.changed_at
                where billing_usage.revision < excluded.revision""", row).replaceWithVoid();
    }
}
