package dev.mercato.metering.directory;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.mercato.platform.directory.OrganizationDirectoryProjector;
import dev.mercato.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;

/** Reads {@code identity.organizations} into the organizations read model, once per event: who sees whose usage. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    static final String CONSUMER = "metering-service.organizations";

    private final EventInbox inbox;
    private final OrganizationDirectoryProjector projector;

    public OrganizationEventsConsumer(EventInbox inbox, OrganizationDirectoryProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("directory-organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(CONSUMER, record, projector::apply);
    }
}
