package dev.mercato.order.contact;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.CustomerRef;
import dev.mercato.platform.id.Ids;
import io.smallrye.mutiny.Uni;

/** Records the people orders name at a customer, one contact per customer and e-mail address. */
@ApplicationScoped
public class ContactService {

    private final ContactRepository contacts;

    public ContactService(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /**
     * Records that {@code email} acts as {@code role} for {@code customer}: a new contact, or the existing one
     * with the role added and the names and phone given (null ones keep theirs).
     */
    public Uni<Contact> record(CustomerRef customer, String email, String firstName, String lastName, String phone,
            ContactRole role, Instant now) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        return contacts.findByCustomerAndEmail(customer.id, address).chain(existing -> {
            Contact contact = existing;
            if (contact == null) {
                contact = new Contact();
                contact.id = Ids.next("con");
                contact.customer = customer.copy();
                contact.email = address;
                contact.role = role;
                contact.status = ContactStatus.ACTIVE;
                contact.createdAt = now;
            }
            ContactRole newRole = existing == null ? role : contact.role.with(role);
            String newFirstName = firstName != null ? firstName : contact.firstName;
            String newLastName = lastName != null ? lastName : contact.lastName;
            String newPhone = phone != null ? phone : contact.phone;
            // Unchanged stays untouched: a customer's orders, processed side by side, all name their contact.
            if (existing == null || newRole != contact.role || !Objects.equals(newFirstName, contact.firstName)
                    || !Objects.equals(newLastName, contact.lastName) || !Objects.equals(newPhone, contact.phone)) {
                contact.role = newRole;
                contact.firstName = newFirstName;
                contact.lastName = newLastName;
                contact.phone = newPhone;
                contact.lastUpdated = now;
            }
            return existing == null ? contacts.persistAndFlush(contact) : Uni.createFrom().item(contact);
        });
    }
}
