package dev.mercato.metering.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The read models ingestion validates against, started with the service. Until each has read its topic up to
 * the end offsets seen at start-up, valid usage would be refused as unknown: ingestion answers 503 and
 * {@link ReadModelsHealthCheck} keeps the instance out of load balancing.
 */
@ApplicationScoped
public class ReadModels {

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

    public List<CompactedTopicView<?>> views() {
        return views;
    }
}
