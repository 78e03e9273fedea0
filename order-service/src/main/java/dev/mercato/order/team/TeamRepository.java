package dev.mercato.order.team;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Teams. */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, String> {

    public Uni<Team> findByCustomerAndName(String customerId, String name) {
        return UniqueLookups.oneOrNull(find("customer.id = ?1 and name = ?2", customerId, name));
    }

    public Uni<Team> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
