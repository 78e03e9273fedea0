package dev.mercato.order.opportunity;

import dev.mercato.platform.persistence.SessionReads;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Renewal opportunities. */
@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, String> {

    public Uni<Opportunity> findByNumber(String opportunityNumber) {
        return UniqueLookups.oneOrNull(find("opportunityNumber", opportunityNumber));
    }

    /** The opportunity with this id or current number if {@code visibility} lets the caller see it; null otherwise. */
    public Uni<Opportunity> findVisible(String idOrNumber, Visibility visibility) {
        return Listings.findVisible(this, "id = :key or opportunityNumber = :key", Map.of("key", idOrNumber), visibility);
    }

    /** A new opportunity number: {@code A-} and eight digits from a database sequence. */
    public Uni<String> nextNumber() {
        return getSession().chain(session -> SessionReads.row(session, "select nextval('opportunity_number_seq')"))
                .map(row -> "A-%08d".formatted((Long) row[0]));
    }
}
