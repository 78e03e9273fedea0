package dev.mercato.identity.credential;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Applications and API keys. Environment: {@code MERCATO_IDENTITY_APPLICATIONS_…}. */
@ConfigMapping(prefix = "mercato.identity.applications")
public interface CredentialConfig {

    /**
     * How long the previous secret keeps working after a rotation. Zero (the default): a rotation takes
     * effect at once, which is what one wants after a leak; set e.g. PT24H for zero-downtime rollouts of the
     * new secret. Either way, once the overlap ends every token issued before the rotation is revoked, and a
     * token obtained with the previous secret during the overlap expires when the overlap does.
     */
    @WithDefault("PT0S")
    Duration secretRotationOverlap();

    /** How often to look for rotation overlaps that have ended, to revoke the tokens of the old secret. */
    @WithDefault("PT5S")
    Duration rotationSweepInterval();
}
