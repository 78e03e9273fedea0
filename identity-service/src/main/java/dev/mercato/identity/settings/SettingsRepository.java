package dev.mercato.identity.settings;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.user.PasswordConfig;
import dev.mercato.identity.user.PasswordLengths;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored organization settings, and the defaults for an organization that has none. */
@ApplicationScoped
public class SettingsRepository implements PanacheRepositoryBase<OrganizationSettings, String>, PasswordLengths {

    /** The organization's settings, or its defaults (not persisted) when none were saved. */
    public Uni<OrganizationSettings> findOrDefaults(String organizationId, String organizationPath) {
        return findById(organizationId).map(found -> found != null ? found
                : OrganizationSettings.defaultsFor(organizationId, organizationPath, PasswordConfig.MINIMUM_LENGTH));
    }

    @Override
    public Uni<Integer> passwordMinLength(String organizationId) {
        return findById(organizationId)
                .map(found -> found == null ? PasswordConfig.MINIMUM_LENGTH : found.passwordMinLength);
    }
}
