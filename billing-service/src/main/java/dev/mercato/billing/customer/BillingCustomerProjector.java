package dev.mercato.billing.customer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;

/** Applies organization events to the billing customers read model; runs inside the consumer's transaction. */
@ApplicationScoped
public class BillingCustomerProjector {

    private final BillingCustomerRepository customers;
    private final ObjectMapper json;

    public BillingCustomerProjector(BillingCustomerRepository customers, ObjectMapper json) {
        this.customers = customers;
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!OrganizationChangedV1.CREATED.equals(event.type()) && !OrganizationChangedV1.UPDATED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        OrganizationChangedV1 organization = event.dataAs(OrganizationChangedV1.class, json);
        if (organization.id() == null || organization.kind() == null || organization.name() == null
                || organization.currency() == null || organization.billingDay() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks id, kind, name, currency or billing day");
        }
        return customers.findById(organization.id()).chain(existing -> {
            if (existing != null && existing.sourceVersion >= organization.version()) {
                return Uni.createFrom().voidItem();
            }
            BillingCustomer customer = existing != null ? existing : new BillingCustomer();
            customer.id = organization.id();
            customer.kind = organization.kind();
            customer.name = organization.name();
            customer.customerNumber = organization.customerNumber();
            customer.status = organization.status();
            customer.parentId = organization.parentId();
            customer.ancestry = organization.ancestry() == null ? "" : String.join("/", organization.ancestry());
            customer.countryCode = organization.countryCode();
            customer.currency = organization.currency();
            customer.billingDay = organization.billingDay();
            customer.updatedAt = organization.updatedAt();
            customer.sourceVersion = organization.version();
            return existing != null ? Uni.createFrom().voidItem() : customers.persist(customer).replaceWithVoid();
        });
    }
}
