package dev.mercato.billing.readmodel;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.PlanChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/**
 * Applies plan snapshots to {@code billing_plan} and its versions, so a subscription is rated through the
 * version it bought. Only published versions are kept: a draft is never rated. An older snapshot changes nothing.
 */
@ApplicationScoped
public class PlanProjector {

    private final ObjectMapper json;

    public PlanProjector(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!PlanChangedV1.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        PlanChangedV1 plan = event.dataAs(PlanChangedV1.class, json);
        if (plan.id() == null || plan.ownerId() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks the plan's id or owner");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", plan.id());
        row.put("ownerId", plan.ownerId());
        row.put("listingId", plan.listingId());
        row.put("sourceVersion", plan.version());
        return NativeStatements.execute("""
                insert into billing_plan (id, owner_id, listing_id, source_version)
                values (:id, :ownerId, :listingId, :sourceVersion)
                on conflict (id) do update set owner_id = excluded.owner_id, listing_id = excluded.listing_id,
                    source_version = excluded.source_version
                where billing_plan.source_version < excluded.source_version""", row)
                .chain(changed -> changed == 0 ? Uni.createFrom().voidItem() : replaceVersions(plan));
    }

    private Uni<Void> replaceVersions(PlanChangedV1 plan) {
        Uni<?> chain = NativeStatements.execute("delete from billing_plan_version where plan_id = :id", Map.of("id", plan.id()));
        List<PlanChangedV1.PlanVersionV1> versions = plan.versions() == null ? List.of() : plan.versions();
        for (PlanChangedV1.PlanVersionV1 version : versions) {
            if (!"PUBLISHED".equals(version.status())) {
                continue;
            }
            if (version.currency() == null) {
                throw new PoisonEventException("version " + version.version() + " of plan " + plan.id() + " has no currency");
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", plan.id());
            row.put("version", version.version());
            row.put("status", version.status());
            row.put("currency", version.currency());
            row.put("pricingPeriod", version.pricingPeriod());
            row.put("publishedAt", version.publishedAt() == null ? null : version.publishedAt().atOffset(ZoneOffset.UTC));
            row.put("definitions", Snapshots.json(json,
                    version.priceDefinitions() == null ? List.of() : version.priceDefinitions()));
            chain = chain.chain(() -> NativeStatements.execute("""
                    insert into billing_plan_version (plan_id, version, status, currency, pricing_period, published_at,
                        price_definitions)
                    values (:id, :version, :status, :currency, :pricingPeriod, cast(:publishedAt as timestamptz),
                        cast(cast(:definitions as text) as jsonb))""", row));
        }
        return chain.replaceWithVoid();
    }
}
