package dev.mercato.order.contact;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Contacts, read-only ({@code read:orders}): the contract managers and primary team admins orders named, one
 * per customer and e-mail address. A caller sees its own organization's customers' contacts and those below it.
 */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
@PermissionsAllowed(Scopes.READ_ORDERS)
public class ContactResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("email", "email")
            .string("firstName", "firstName")
            .string("lastName", "lastName")
            .enumeration("role", "role", ContactRole.class)
            .enumeration("status", "status", ContactStatus.class)
            .string("customerId", "customer.id")
            .string("customerCsn", "customer.csn")
            .string("customerName", "customer.name")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final String CUSTOMER_PATH = "customer.path";

    private final ContactRepository contacts;
    private final Caller caller;

    public ContactResource(ContactRepository contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the contacts the caller may see. Filters and sort fields: id, email, firstName, lastName, role, "
            + "status, customerId, customerCsn, customerName, createdAt, lastUpdated")
    public Uni<PageResponse<ContactResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(contacts, caller.visibility(CUSTOMER_PATH), query, ContactResource::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every contact the caller may see, in id order")
    public Multi<ContactResponse> dump() {
        return Listings.dump(contacts, caller.visibility(CUSTOMER_PATH), "id", contact -> contact.id,
                ContactResource::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One contact, by its id")
    public Uni<ApiResponse<ContactResponse>> get(@PathParam("id") String id) {
        return contacts.findVisible(id, caller.visibility(CUSTOMER_PATH))
                .onItem().ifNull().failWith(() -> ApiException.notFound("contact", id))
                .map(contact -> ApiResponse.ok(toResponse(contact)));
    }

    static ContactResponse toResponse(Contact contact) {
        String name = contact.firstName == null ? contact.lastName
                : contact.lastName == null ? contact.firstName : contact.firstName + " " + contact.lastName;
        return new ContactResponse(contact.id, "contact", contact.email, contact.firstName, contact.lastName, name,
                contact.phone, contact.role.name(), contact.status.name(), contact.customer.id, contact.customer.csn,
                contact.customer.name, contact.createdAt, contact.lastUpdated);
    }
}
