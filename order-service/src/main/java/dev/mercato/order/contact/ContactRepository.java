package dev.mercato.order.contact;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Contacts. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, String> {

    public Uni<Contact> findByCustomerAndEmail(String customerId, String email) {
        return UniqueLookups.oneOrNull(find("customer.id = ?1 and email = ?2", customerId, email));
    }

    public Uni<Contact> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
