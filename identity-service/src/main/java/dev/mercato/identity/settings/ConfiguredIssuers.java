package dev.mercato.identity.settings;

import java.util.Set;

/** The names of the external OpenID issuers this deployment configured, which settings may allow. */
public interface ConfiguredIssuers {

    Set<String> names();
}
