package dev.mercato.identity.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored API keys. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

    public Uni<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResult();
    }
}
