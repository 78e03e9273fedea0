package dev.mercato.identity.key;

import java.time.Duration;

/** What signing keys need to know of the tokens they sign; the token configuration answers it. */
public interface KeyTimings {

    /** Lifetime of an access token: a retired key stays published that long. */
    Duration accessTokenLifetime();

    /** How often the signing keys are re-read, to pick up a rotation made by another instance. */
    Duration keyRefreshInterval();

    /** How long a new key is published before it signs, so that every verifier knows it first. */
    Duration keyPublicationLead();
}
