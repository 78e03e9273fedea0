package dev.mercato.catalog.plan;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored plan versions. */
@ApplicationScoped
public class PlanVersionRepository implements PanacheRepositoryBase<PlanVersion, String> {

    public Uni<List<PlanVersion>> ofPlan(String planId) {
        return list("planId = ?1 order by number", planId);
    }

    public Uni<PlanVersion> numbered(String planId, int number) {
        return UniqueLookups.oneOrNull(find("planId = ?1 and number = ?2", planId, number));
    }
}
