package dev.mercato.metering.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The read models ingestion validates against, started with the service. The instance is not ready
 * ({@code /q/health/ready} DOWN, check "Metering read models") until each has read its topic up to the end
 * offsets seen at start-up: before that, valid usage would be refused as unknown.
 */
@Readiness
@ApplicationScoped
public class ReadModels implements HealthCheck {

    private final List<CompactedTopicView<?>> views;
    private final String bootstrapServers;

    public ReadModels(KnownOrganizations organizations, MeteredListings listings, CustomerEntitlements entitlements,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.views = List.of(organizations, listings, entitlements);
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        views.forEach(view -> view.start(bootstrapServers));
    }

    void stop(@Observes ShutdownEvent event) {
        views.forEach(CompactedTopicView::stop);
    }

    /** Whether every read model is loaded. */
    public boolean loaded() {
        for (CompactedTopicView<?> view : views) {
            if (!view.loaded()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Metering read models").status(loaded());
        views.forEach(view -> response.withData(view.topic(), (view.loaded() ? "loaded, " : "loading, ") + view.size()));
        return response.build();
    }
}
