package dev.mercato.identity.user;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored users. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    /** The user with this email, compared without case; null when there is none. */
    public Uni<User> findByEmail(String email) {
        return UniqueLookups.oneOrNull(find("lower(email) = ?1", email.toLowerCase(Locale.ROOT)));
    }

    /** The user with this id if {@code visibility} lets the caller see it; null otherwise. */
    public Uni<User> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).map(count -> count > 0);
    }
}
