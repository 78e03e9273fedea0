package dev.mercato.identity.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How passwords are hashed and how long they must be. Environment: {@code MERCATO_IDENTITY_PASSWORD_…}. */
@ConfigMapping(prefix = "mercato.identity.password")
public interface PasswordConfig {

    /** The floor below which no configuration may go: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    int MINIMUM_ITERATIONS = 600_000;

    /** The floor of every password policy; an organization's settings may only raise it. */
    int MINIMUM_LENGTH = 12;

    /** PBKDF2-HMAC-SHA256 iterations for new hashes (stored in each hash, so raising it keeps old ones valid). */
    @WithDefault("600000")
    int iterations();

    /** Longest password accepted: bounds the work one request can cause. */
    @WithDefault("128")
    int maxLength();
}
