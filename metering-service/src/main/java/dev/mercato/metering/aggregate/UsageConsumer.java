package dev.mercato.metering.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.mercato.metering.consume.BatchConsumer;
import dev.mercato.metering.consume.BatchConsumerBean;
import dev.mercato.metering.consume.BatchConsumers;
import dev.mercato.metering.consume.RecordBatch;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageEventV1;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The aggregation's consumer of {@code metering.usage}: a {@link BatchConsumer} of group
 * {@code mercato.metering.aggregation.group-id} whose batches (up to about {@code mercato.metering.aggregation.max-batch}
 * events) are counted in one transaction each by the {@link AggregateWriter}. A re-delivered batch counts nothing: the
 * writer remembers every event id it counted.
 */
@ApplicationScoped
public class UsageConsumer extends BatchConsumerBean<UsageConsumer.UsageBatch> {

    static final String CONSUMER = "metering-service.aggregation";

    private final AggregateWriter writer;
    private final DedupePartitions partitions;
    private final AggregationConfig config;
    private final UsageRecords records = new UsageRecords();
    private final Counter counted;
    private final Counter repeats;
    private final BatchConsumer<UsageBatch> consumer;

    public UsageConsumer(AggregateWriter writer, DedupePartitions partitions, AggregationConfig config,
            MeterRegistry registry, BatchConsumers consumers) {
        this.writer = writer;
        this.partitions = partitions;
        this.config = config;
        this.counted = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "processed");
        this.repeats = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "duplicate");
        AggregationConfig.Consumer settings = config.aggregation();
        this.consumer = consumers.create(new BatchConsumer.Settings(CONSUMER, "metering-aggregation",
                "mercato.metering.aggregation", Topics.METERING_USAGE, settings.groupId(), settings.consumers(),
                settings.maxBatch(), settings.yieldToIngestion(), settings.deadLetterTopic(),
                // A record may carry hundreds of events: a poll of at most 8 MiB is at most about 18,000 of them.
                Map.of(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024))),
                this);
    }

    @Override
    protected BatchConsumer<UsageBatch> consumer() {
        return consumer;
    }

    @Override
    protected boolean enabled() {
        return config.aggregation().enabled();
    }

    @Override
    public UsageBatch newBatch() {
        return new UsageBatch(records);
    }

    @Override
    public Uni<Void> write(UsageBatch batch) {
        return partitions.ensure(batch.days()).chain(() -> writer.count(batch.events()))
                .invoke(outcome -> {
                    counted.increment(outcome.counted());
                    repeats.increment(outcome.repeats() + batch.repeatsWithin());
                })
                .replaceWithVoid();
    }

    @Override
    public void failed(Throwable failure) {
        partitions.forget(); // a partition may have been dropped meanwhile: make sure of them again
    }

    /**
     * The countable events of the records gathered for one transaction: the first of each id. A record of which
     * something cannot be counted goes to the dead-letter topic whole; counting it again later counts only what was
     * not counted (ids are remembered).
     */
    public static final class UsageBatch extends RecordBatch {

        private final UsageRecords records;
        private final List<CountableUsage> events = new ArrayList<>();
        private final Set<UUID> ids = new HashSet<>();
        private final Map<CountableUsage.Target, CountableUsage.Target> targets = new HashMap<>();
        private int read;

        UsageBatch(UsageRecords records) {
            this.records = records;
        }

        @Override
        protected String read(ConsumerRecord<String, byte[]> record) {
            UsageRecords.Read usage = records.read(record);
            for (UsageEventV1 event : usage.events()) {
                read++;
                CountableUsage countable = CountableUsage.of(event, targets);
                if (ids.add(countable.key())) {
                    events.add(countable);
                }
            }
            return usage.poison();
        }

        /** The events read, repeats included: what {@code max-batch} bounds. */
        @Override
        public int size() {
            return read;
        }

        List<CountableUsage> events() {
            return events;
        }

        List<LocalDate> days() {
            return events.stream().map(AggregateWriter::dayOf).distinct().toList();
        }

        /** Events that repeated an id already in this batch. */
        int repeatsWithin() {
            return read - events.size();
        }
    }
}
