package dev.mercato.identity.login;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Password login. Environment: {@code MERCATO_IDENTITY_LOGIN_…}. */
@ConfigMapping(prefix = "mercato.identity.login")
public interface LoginConfig {

    /** Failed logins for one email within {@link #failureWindow()} after which further attempts get 429. */
    @WithDefault("10")
    int maxFailures();

    /** The window failed logins are counted in; the throttle lifts when it ends. */
    @WithDefault("PT15M")
    Duration failureWindow();
}
