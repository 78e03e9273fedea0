package dev.mercato.platform.security.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this instance verifies access tokens beyond quarkus-oidc's own settings (docs/SECURITY.md). */
@ConfigMapping(prefix = "mercato.security")
public interface TokenVerificationConfig {

    /** The verified-token cache. */
    TokenCache tokenCache();

    /**
     * Who checks ES256 signatures: {@code auto} uses BoringSSL through Conscrypt where it loads and
     * passes its self-test, else the JDK; {@code jdk} always uses the JDK's provider.
     */
    @WithDefault("auto")
    String signatureProvider();

    /** Remembering verified tokens, so that a token's signature is checked once, not on every request. */
    interface TokenCache {

        /** Whether verified tokens are remembered at all; off, every request verifies its token's signature. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Tokens remembered at once; beyond this the least valuable (rarely and least recently used)
         * are forgotten, and verified again if they come back.
         */
        @WithDefault("10000")
        int maxSize();
    }
}
