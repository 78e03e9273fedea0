package dev.mercato.metering.consume;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mercato.metering.load.IngestionLoad;
import dev.mercato.platform.messaging.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;

/** Makes the service's {@link BatchConsumer}s, with what they all share: the broker, the dead-letter producer, the load. */
@ApplicationScoped
public class BatchConsumers {

    private final String bootstrapServers;
    private final DeadLetters deadLetters;
    private final IngestionLoad ingestion;
    private final MeterRegistry registry;

    public BatchConsumers(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            DeadLetters deadLetters, IngestionLoad ingestion, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetters = deadLetters;
        this.ingestion = ingestion;
        this.registry = registry;
    }

    public <B extends RecordBatch> BatchConsumer<B> create(BatchConsumer.Settings settings, BatchHandler<B> handler) {
        return new BatchConsumer<>(settings, handler, bootstrapServers, deadLetters, ingestion, registry);
    }
}
