package dev.mercato.billing.customer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.mercato.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;

/** Reads {@code identity.organizations} into the billing customers read model, once per event. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    static final String CONSUMER = "billing-service.customers";

    private final EventInbox inbox;
    private final BillingCustomerProjector projector;

    public OrganizationEventsConsumer(EventInbox inbox, BillingCustomerProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("identity-organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(CONSUMER, record, projector::apply);
    }
}
