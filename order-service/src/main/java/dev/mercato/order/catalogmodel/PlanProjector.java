package dev.mercato.order.catalogmodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.PlanChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/**
 * Applies plan snapshots to {@code catalog_plan} and its versions with their price definitions, so a
 * subscription can later be priced through the version it bought. An older snapshot changes nothing.
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
        if (plan.id() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks the plan's id");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", plan.id());
        row.put("ownerId", plan.ownerId());
        row.put("name", plan.name());
        row.put("listingId", plan.listingId());
        row.put("publishedVersion", plan.publishedVersion());
        row.put("sourceVersion", plan.version());
        return NativeStatements.execute("""
                insert into catalog_plan (id, owner_id, name, listing_id, published_version, source_version)
                values (:id, :ownerId, :name, :listingId, cast(:publishedVersion as integer), :sourceVersion)
                on conflict (id) do update set owner_id = excluded.owner_id, name = excluded.name,
                    listing_id = excluded.listing_id, published_version = excluded.published_version,
                    source_version = excluded.source_version
                where catalog_plan.source_version < excluded.source_version""", row)
                .chain(changed -> changed == 0 ? Uni.createFrom().voidItem() : replaceVersions(plan));
    }

    private Uni<Void> replaceVersions(PlanChangedV1 plan) {
        Uni<?> chain = NativeStatements.execute("delete from catalog_plan_version where plan_id = :id", Map.of("id", plan.id()));
        List<PlanChangedV1.PlanVersionV1> versions = plan.versions() == null ? List.of() : plan.versions();
        for (PlanChangedV1.PlanVersionV1 version : versions) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", plan.id());
            row.put("version", version.version());
            row.put("status", version.status());
            row.put("currency", version.currency());
            row.put("pricingPeriod", version.pricingPeriod());
            row.put("definitions", definitionsJson(version));
            chain = chain.chain(() -> NativeStatements.execute("""
                    insert into catalog_plan_version (plan_id, version, status, currency, pricing_period, price_definitions)
                    values (:id, :version, :status, :currency, :pricingPeriod, cast(cast(:definitions as text) as jsonb))""", row));
        }
        return chain.replaceWithVoid();
    }

    private String definitionsJson(PlanChangedV1.PlanVersionV1 version) {
        try {
            return json.writeValueAsString(version.priceDefinitions() == null ? List.of() : version.priceDefinitions());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("price definitions of a plan version are not JSON", e);
        }
    }
}
