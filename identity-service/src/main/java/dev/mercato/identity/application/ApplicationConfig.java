package dev.mercato.identity.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** OAuth applications. Environment: {@code MERCATO_IDENTITY_APPLICATIONS_…}. */
@ConfigMapping(prefix = "mercato.identity.applications")
public interface ApplicationConfig {

    /**
     * How long the previous client secret keeps working after a rotation. Zero (the default): a rotation
     * takes effect at once, which is what one wants after a leak; set e.g. PT24H for zero-downtime
     * rollouts of the new secret.
     */
    @WithDefault("PT0S")
    Duration secretRotationOverlap();
}
