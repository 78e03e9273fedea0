package dev.mercato.metering.marketplace;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Marketplace submissions, as their vendors and the platform see them. */
@ApplicationScoped
public class MarketplaceSubmissionRepository implements PanacheRepositoryBase<MarketplaceSubmission, String> {

    /**
     * What {@code caller} sees: the platform everything; any other organization the submissions of listings whose
     * vendor is at or below it — what was sent to a marketplace on a vendor's behalf is the vendor's business.
     */
    static Visibility visibility(Caller caller) {
        if ("PLATFORM".equals(caller.organizationKind())) {
            return Visibility.ALL;
        }
        Visibility path = caller.visibility("d.path");
        return Visibility.of("exists (select 1 from DirectoryOrganization d where d.id = vendorId and "
                + path.condition() + ")", path.parameters());
    }

    Uni<MarketplaceSubmission> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
