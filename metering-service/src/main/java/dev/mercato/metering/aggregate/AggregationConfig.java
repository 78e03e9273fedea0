package dev.mercato.metering.aggregate;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How usage is aggregated and hours are closed. Environment: {@code MERCATO_METERING_…}.
 *
 * <ul>
 * <li>{@code mercato.metering.close-grace} (PT1H): an hour closes this long after it ends.</li>
 * <li>{@code mercato.metering.close-sweep-every} (PT1M): how often closable hours are looked for.</li>
 * <li>{@code mercato.metering.dedupe-retention} (P40D): how long counted event ids are kept, by usage day.</li>
 * <li>{@code mercato.metering.aggregation.*}: the consumer of {@code metering.usage}.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.metering")
public interface AggregationConfig {

    /** How long after an hour ends late events still count into it before it is closed and published. */
    @WithDefault("PT1H")
    Duration closeGrace();

    /** How often the closing sweep runs. */
    @WithDefault("PT1M")
    Duration closeSweepEvery();

    /**
     * How long an event id is remembered, counted from the day its usage happened: longer than the backdating
     * window (35 days), since ingestion refuses anything older, so no accepted event can outlive its id.
     */
    @WithDefault("P40D")
    Duration dedupeRetention();

    /** The batch consumer of {@code metering.usage}. */
    Consumer aggregation();

    interface Consumer {

        /** Off only where another instance aggregates (or a test drives the consumer itself). */
        @WithDefault("true")
        boolean enabled();

        /** The consumer group; every instance of the service shares it, so each partition is counted by one. */
        @WithDefault("metering-service-aggregation")
        String groupId();

        /**
         * The most records one batch (one transaction) takes. Under load the batch read while another is in the
         * database grows to this; larger batches add up more events per aggregate before the upsert (measured:
         * 20,000 drained a backlog at 14,800 events/s where 5,000 drained it at 9,000, docs/BENCHMARKS.md).
         */
        @WithDefault("20000")
        int maxBatch();

        /**
         * Consumers per instance, each with its share of the partitions and its own transactions: two let
         * PostgreSQL count on two cores at once. More than the topic has partitions would idle.
         */
        @WithDefault("2")
        int consumers();

        /**
         * How long a consumer pauses after each batch while ingestion is answering requests, as a multiple of the time
         * the batch took: 1 leaves ingestion at least half of the consumer's time, 0 never pauses. Ingestion is what
         * callers wait for; the aggregation counts behind it and catches up once the requests calm down (README,
         * "Ingestion first").
         */
        @WithDefault("1")
        double yieldToIngestion();

        /** Where records that can never be counted go. */
        @WithDefault("metering.dead-letter")
        String deadLetterTopic();
    }
}
