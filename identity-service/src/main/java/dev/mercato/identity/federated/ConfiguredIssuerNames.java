package dev.mercato.identity.federated;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.settings.ConfiguredIssuers;

/** Tells organization settings which issuers are configured, without settings depending on federation. */
@ApplicationScoped
public class ConfiguredIssuerNames implements ConfiguredIssuers {

    private final FederatedIssuers issuers;

    public ConfiguredIssuerNames(FederatedIssuers issuers) {
        this.issuers = issuers;
    }

    @Override
    public Set<String> names() {
        return issuers.names();
    }
}
