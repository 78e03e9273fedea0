package dev.mercato.identity.token;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lifetimes and caches of the authorization server. Environment: {@code MERCATO_IDENTITY_TOKENS_…}. */
@ConfigMapping(prefix = "mercato.identity.tokens")
public interface TokenConfig {

    /** Lifetime of an access token (claim {@code exp} − {@code iat}). */
    @WithDefault("PT1H")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token; every use replaces it with a new one of the same lifetime. */
    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    /**
     * How long an application's credentials are kept in memory for the token endpoint. Changes made on
     * this instance apply at once; this bounds how long another instance may still accept a rotated or
     * revoked secret.
     */
    @WithDefault("PT2S")
    Duration clientCacheTtl();

    /**
     * Who computes ES256 signatures: {@code auto} (Conscrypt/BoringSSL when it loads and passes a self-test,
     * else the JDK) or {@code jdk}.
     */
    @WithDefault("auto")
    String signingProvider();

    /** How often the signing keys are re-read, so that a rotation on another instance is picked up. */
    @WithDefault("PT30S")
    Duration keyRefreshInterval();

    /**
     * How long a rotated-in signing key is published before it signs, so that no verifier meets a
     * {@code kid} it cannot resolve. It must cover a cached JWKS: the {@code max-age} of
     * {@code /.well-known/jwks.json} (60 s), the services' {@code quarkus.oidc.token.forced-jwk-refresh-interval}
     * (1 min) and this {@link #keyRefreshInterval()} (30 s) for identity's other instances.
     */
    @WithDefault("PT3M")
    Duration keyPublicationLead();
}
