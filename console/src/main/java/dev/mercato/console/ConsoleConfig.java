package dev.mercato.console;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the APIs answer and how sessions behave. Environment: {@code MERCATO_CONSOLE_…}. */
@ConfigMapping(prefix = "mercato.console")
public interface ConsoleConfig {

    /** identity-service's base URL (sign-in, tokens, users, organizations, roles, applications). */
    String identityUrl();

    /** webhook-service's base URL (endpoints, event types, tests). */
    String webhookUrl();

    /** catalog-service's base URL (articles, listings, plans, private offers). */
    String catalogUrl();

    /** order-service's base URL (transactions, contracts, subscriptions, opportunities). */
    String orderUrl();

    /** metering-service's base URL (usage summaries, balances). */
    String meteringUrl();

    /** billing-service's base URL (invoices and their CSV, credit notes, commissions, revenue). */
    String billingUrl();

    /**
     * Whether cookies carry {@code Secure} (and the {@code __Host-} name prefix). Only a console served over plain HTTP
     * on a developer's machine turns it off: browsers would not send a Secure cookie back over HTTP.
     */
    @WithDefault("true")
    boolean cookieSecure();

    /** How long an upstream call may take before the page says the service is not answering. */
    @WithDefault("PT10S")
    Duration apiTimeout();

    Sessions sessions();

    /**
     * The console's address as browsers reach it, without a trailing slash: federated sign-in sends the identity
     * provider back to {@code <public-url>/sign-in/federated/<name>/callback}, which must be registered there.
     */
    @WithDefault("http://127.0.0.1:8087")
    String publicUrl();

    /**
     * The identity providers users may sign in with, by the name identity-service knows the issuer by (its
     * {@code mercato.identity.federation.issuers.<name>}); none by default. Identity decides whose organization allows
     * which: the console only shows a button per provider and runs the authorization code flow.
     */
    Map<String, FederatedProvider> federation();

    /** One OpenID provider: the console is an OAuth client there (authorization code flow with PKCE). */
    interface FederatedProvider {

        /** The issuer; its discovery document is {@code <issuer-url>/.well-known/openid-configuration}. */
        String issuerUrl();

        /** The console's client id at the provider: the audience identity-service expects in the ID token. */
        String clientId();

        /** The client secret, for providers that want one besides PKCE (sent as {@code client_secret_post}). */
        Optional<String> clientSecret();

        /** What the button says after "Sign in with"; the name by default. */
        Optional<String> label();
    }

    /** Sessions are kept in this instance's memory (README "Sessions"). */
    interface Sessions {

        /** A session nobody used for this long ends. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("PT12H")
        Duration maxLifetime();

        /** Sign-ins beyond this many open sessions are refused until some end. */
        @WithDefault("10000")
        int maxSessions();

        /** The access token is refreshed when it expires within this long. */
        @WithDefault("PT60S")
        Duration refreshAhead();

        /** A secret or notice waiting to be shown once is dropped after this long. */
        @WithDefault("PT5M")
        Duration flashLifetime();
    }
}
