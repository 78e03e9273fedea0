package dev.mercato.metering.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@code metering.reports} is kept as {@code usage_report}. Environment: {@code MERCATO_METERING_REPORTS_…}. */
@ConfigMapping(prefix = "mercato.metering.reports")
public interface ReportConfig {

    /** Off only where a test drives the consumer itself. */
    @WithDefault("true")
    boolean enabled();

    /** The consumer group; every instance shares it, so each report is stored by one. */
    @WithDefault("metering-service-reports")
    String groupId();

    /** The most reports one batch (one statement) takes. */
    @WithDefault("5000")
    int maxBatch();

    /**
     * How long the consumer pauses after each batch while ingestion is answering requests, as a multiple of the time the
     * batch took (README, "Ingestion first"); 0 never pauses.
     */
    @WithDefault("1")
    double yieldToIngestion();

    /** Where records that can never be stored go. */
    @WithDefault("metering.dead-letter")
    String deadLetterTopic();
}
