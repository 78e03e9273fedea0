package dev.mercato.metering.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The read models ingestion validates against, started with the service. Until each has read its topic up to
 * the end offsets seen at start-up, valid usage would be refused as unknown: ingestion answers 503 and
 * {@link ReadModelsHealthCheck} keeps the instance out of load balancing. They live in the heap and grow with the
 * platform (every organization, metered listing and entitlement): gauge {@code mercato.readmodel.snapshots}, tagged
 * by topic, shows how many snapshots each holds, to size the heap by (docs/BENCHMARKS.md "Memory sizing").
 */
@ApplicationScoped
public class ReadModels {

    private final List<CompactedTopicView<?>> views;
    private final String bootstrapServers;

    public ReadModels(KnownOrganizations organizations, MeteredListings listings, CustomerEntitlements entitlements,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.views = List.of(organizations, listings, entitlements);
        this.bootstrapServers = bootstrapServers;
        views.forEach(view -> Gauge.builder("mercato.readmodel.snapshots", view, CompactedTopicView::size)
                .tag("topic", view.topic())
                .description("Snapshots this read model holds in memory")
                .register(registry));
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
