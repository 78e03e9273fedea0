package dev.mercato.identity.credential;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Stored applications and API keys. */
@ApplicationScoped
public class CredentialRepository implements PanacheRepositoryBase<Credential, String> {

    /** For listings: the credentials of {@code kind} that {@code caller} may see. */
    public Visibility visibleOfKind(CredentialKind kind, Caller caller) {
        Visibility visible = caller.visibility("ownerPath");
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        parameters.put("credentialKind", kind);
        return Visibility.of("kind = :credentialKind and " + visible.condition(), parameters);
    }
}
