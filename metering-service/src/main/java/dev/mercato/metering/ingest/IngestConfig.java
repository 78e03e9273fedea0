package dev.mercato.metering.ingest;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Usage ingestion. Environment: {@code MERCATO_METERING_…}.
 *
 * <ul>
 * <li>{@code mercato.metering.max-future} (PT5M): how far ahead of this instance's clock an event's timestamp may be.</li>
 * <li>{@code mercato.metering.backdating-window} (P35D): how old an event's timestamp may be.</li>
 * <li>{@code mercato.metering.ack-timeout} (PT5S): how long a request waits for Kafka's acknowledgement of its
 * records before it is answered 503.</li>
 * <li>{@code mercato.metering.retry-after} (PT5S): the {@code Retry-After} of that 503.</li>
 * <li>{@code mercato.metering.max-batch} (1000): events in one {@code POST /usage} or one report's usages.</li>
 * <li>{@code mercato.metering.producer."<kafka producer property>"}: overrides of the usage producer's settings
 * (e.g. {@code linger.ms}); {@code acks} and {@code enable.idempotence} cannot be weakened.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.metering")
public interface IngestConfig {

    @WithDefault("PT5M")
    Duration maxFuture();

    @WithDefault("P35D")
    Duration backdatingWindow();

    @WithDefault("PT5S")
    Duration ackTimeout();

    @WithDefault("PT5S")
    Duration retryAfter();

    @WithDefault("1000")
    int maxBatch();

    Map<String, String> producer();
}
