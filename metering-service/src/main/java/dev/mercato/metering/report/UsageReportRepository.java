package dev.mercato.metering.report;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Usage reports. */
@ApplicationScoped
public class UsageReportRepository implements PanacheRepositoryBase<UsageReport, String> {

    public Uni<UsageReport> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
