package dev.mercato.catalog.offer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Private offers' timing. Environment: {@code MERCATO_CATALOG_OFFERS_…}.
 *
 * <ul>
 * <li>{@code mercato.catalog.offers.expiry-sweep-interval} (PT30S): how often sent offers past their expiry
 * are marked expired.</li>
 * <li>{@code mercato.catalog.offers.default-validity} (P30D): how long a sent offer stays open when it was
 * sent without an {@code expiresAt}.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.catalog.offers")
public interface OfferConfig {

    /**
     * How often the expiry sweep runs: an offer is shown as sent for at most this long after it expired,
     * though it can never be accepted or declined once its time is up.
     */
    @WithDefault("PT30S")
    Duration expirySweepInterval();

    /** How long an offer sent without an expiry stays open. */
    @WithDefault("P30D")
    Duration defaultValidity();
}
