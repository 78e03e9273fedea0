package dev.mercato.metering.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How long a batch consumer (the aggregation, the reports) leaves the cores to ingestion after a batch. */
class YieldToIngestionTest {

    private static final Duration BATCH = Duration.ofMillis(240);

    @Test
    void pausesForTheRatioOfTheBatchsTimeWhileIngestionIsBusy() {
        assertThat(BatchConsumer.pauseAfter(BATCH, true, 1)).isEqualTo(Duration.ofMillis(240));
        assertThat(BatchConsumer.pauseAfter(BATCH, true, 0.5)).isEqualTo(Duration.ofMillis(120));
        assertThat(BatchConsumer.pauseAfter(BATCH, true, 3)).isEqualTo(Duration.ofMillis(720));
    }

    @Test
    void neverPausesWhileIngestionIsIdleOrWhenSwitchedOff() {
        assertThat(BatchConsumer.pauseAfter(BATCH, false, 1)).isZero();
        assertThat(BatchConsumer.pauseAfter(BATCH, true, 0)).isZero();
        assertThat(BatchConsumer.pauseAfter(BATCH, true, -1)).isZero();
    }
}
