package dev.mercato.catalog.plan;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored price definitions of plan versions. */
@ApplicationScoped
public class PlanPriceRepository implements PanacheRepositoryBase<PlanPrice, String> {

    public Uni<List<PlanPrice>> ofPlan(String planId) {
        return list("planId = ?1 order by planVersion, position", planId);
    }

    public Uni<List<PlanPrice>> ofVersion(String versionId) {
        return list("versionId = ?1 order by position", versionId);
    }
}
