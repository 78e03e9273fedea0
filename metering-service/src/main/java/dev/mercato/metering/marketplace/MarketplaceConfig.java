package dev.mercato.metering.marketplace;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Submissions of usage to the cloud marketplaces. Environment: {@code MERCATO_METERING_MARKETPLACE_…}. A
 * marketplace without an endpoint is never called: its claims wait and expire with its window.
 */
@ConfigMapping(prefix = "mercato.metering.marketplace")
public interface MarketplaceConfig {

    /** Off only where another instance submits. */
    @WithDefault("true")
    boolean enabled();

    /** How often due claims are looked for. */
    @WithDefault("PT10S")
    Duration submitEvery();

    /** The first retry's delay after throttling or a failed call; it doubles with every attempt. */
    @WithDefault("PT2S")
    Duration retryFirst();

    /** The longest delay between two attempts. */
    @WithDefault("PT5M")
    Duration retryMax();

    /** How long a claim is held while it is being sent; one not answered by then is sent again. */
    @WithDefault("PT2M")
    Duration lease();

    /** Timeout of one call. */
    @WithDefault("PT20S")
    Duration callTimeout();

    /** AWS Marketplace Metering Service. */
    Aws aws();

    /** Azure Marketplace metering API. */
    Azure azure();

    interface Aws {

        /** e.g. {@code https://metering.marketplace.us-east-1.amazonaws.com}; none: not called. */
        Optional<URI> endpoint();

        /** The region the requests are signed for (Signature Version 4, service {@code aws-marketplace}). */
        @WithDefault("us-east-1")
        String region();

        /** The seller's access key; with the secret key every request is signed, without them none is. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** For temporary credentials. */
        Optional<String> sessionToken();

        /** How long after the hour starts AWS still takes its records (it refuses records 6 hours old or more). */
        @WithDefault("PT6H")
        Duration window();
    }

    interface Azure {

        /** e.g. {@code https://marketplaceapi.microsoft.com}; none: not called. */
        Optional<URI> endpoint();

        /** The bearer token sent as {@code authorization}; none: no header. */
        Optional<String> token();

        /** How long after the hour starts Azure still takes its usage (24 hours). */
        @WithDefault("PT24H")
        Duration window();
    }
}
