package dev.mercato.identity.organization;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored organizations. */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, String> {

    public Uni<Organization> findOfKind(String id, OrganizationKind kind) {
        return UniqueLookups.oneOrNull(find("id = ?1 and kind = ?2", id, kind));
    }

    public Uni<Boolean> customerNumberTaken(String customerNumber) {
        return count("customerNumber", customerNumber).map(count -> count > 0);
    }
}
