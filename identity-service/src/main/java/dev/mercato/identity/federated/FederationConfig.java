package dev.mercato.identity.federated;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The external OpenID issuers whose ID tokens {@code POST /api/v1/auth/federated} accepts, e.g.
 *
 * <pre>
 * mercato.identity.federation.issuers.google.issuer-url=https://accounts.google.com
 * mercato.identity.federation.issuers.google.audience=1234.apps.googleusercontent.com
 * mercato.identity.federation.issuers.entra.issuer-url=https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0
 * mercato.identity.federation.issuers.entra.audience=&lt;application-id&gt;
 * </pre>
 *
 * Environment: {@code MERCATO_IDENTITY_FEDERATION_ISSUERS_GOOGLE_ISSUER_URL} and so on.
 */
@ConfigMapping(prefix = "mercato.identity.federation")
public interface FederationConfig {

    /** The issuers by name (the name is what organization settings and requests refer to). */
    Map<String, Issuer> issuers();

    /** Tolerated clock difference when checking {@code exp}, {@code nbf} and {@code iat}. */
    @WithDefault("PT60S")
    Duration clockSkew();

    /** Longest wait for an issuer's discovery document or key set, connection included. */
    @WithDefault("PT5S")
    Duration httpTimeout();

    /** How long fetched keys are used before they are fetched again. */
    @WithDefault("PT1H")
    Duration keysMaxAge();

    /**
     * Least time between two fetches caused by an unknown {@code kid}, so tokens with made-up key ids
     * cannot make us hammer the issuer.
     */
    @WithDefault("PT30S")
    Duration keysMinRefreshInterval();

    /** One external OpenID issuer. */
    interface Issuer {

        /** Exactly the {@code iss} of its ID tokens; its discovery document is at {@code <issuer-url>/.well-known/openid-configuration}. */
        String issuerUrl();

        /** The {@code aud} its ID tokens must carry: our client id at that issuer. */
        String audience();

        /** The key set's URL, when it should not be taken from the discovery document. */
        Optional<String> jwksUrl();
    }
}
