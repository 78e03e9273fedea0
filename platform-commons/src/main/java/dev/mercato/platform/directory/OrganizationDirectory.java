package dev.mercato.platform.directory;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The organizations read model: look an organization up by id, within the caller's session. */
@ApplicationScoped
public class OrganizationDirectory implements PanacheRepositoryBase<DirectoryOrganization, String> {

    /** The organization, or null when this service has not (yet) heard of it. */
    public Uni<DirectoryOrganization> organization(String id) {
        return id == null ? Uni.createFrom().nullItem() : findById(id);
    }
}
