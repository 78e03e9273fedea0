package dev.mercato.identity.token;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.key.KeyTimings;

/** The token configuration as the signing keys see it, so that key does not depend on token. */
@ApplicationScoped
public class TokenKeyTimings implements KeyTimings {

    private final TokenConfig config;

    public TokenKeyTimings(TokenConfig config) {
        this.config = config;
    }

    @Override
    public Duration accessTokenLifetime() {
        return config.accessTokenLifetime();
    }

    @Override
    public Duration keyRefreshInterval() {
        return config.keyRefreshInterval();
    }

    @Override
    public Duration keyPublicationLead() {
        return config.keyPublicationLead();
    }
}
