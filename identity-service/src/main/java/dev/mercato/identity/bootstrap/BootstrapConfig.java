package dev.mercato.identity.bootstrap;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The first OAuth client of a fresh installation: {@code MERCATO_BOOTSTRAP_CLIENT_ID} and
 * {@code MERCATO_BOOTSTRAP_CLIENT_SECRET}. Both or neither.
 */
@ConfigMapping(prefix = "mercato.bootstrap")
public interface BootstrapConfig {

    /** 1–100 characters of letters, digits, '.', '_' or '-'. */
    Optional<String> clientId();

    /** At least 16 characters; 32 random bytes or more is what it should be. */
    Optional<String> clientSecret();
}
