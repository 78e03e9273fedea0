package dev.mercato.console;

import java.time.Duration;

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
