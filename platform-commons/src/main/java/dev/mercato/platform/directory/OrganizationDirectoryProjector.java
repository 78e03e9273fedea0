package dev.mercato.platform.directory;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@code identity.organizations} events to the {@link OrganizationDirectory}; runs inside the
 * consumer's transaction. A service wires it with a three-line consumer:
 *
 * <pre>{@code
 * @Incoming("identity-organizations")
 * public Uni<Void> consume(ConsumerRecord<String, String> record) {
 *     return inbox.handleOnce("catalog-service.organizations", record, projector::apply);
 * }
 * }</pre>
 */
@ApplicationScoped
public class OrganizationDirectoryProjector {

    private static final Logger LOG = Logger.getLogger(OrganizationDirectoryProjector.class);

    private final OrganizationDirectory directory;
    private final ObjectMapper json;

    public OrganizationDirectoryProjector(OrganizationDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!OrganizationChangedV1.CREATED.equals(event.type()) && !OrganizationChangedV1.UPDATED.equals(event.type())) {
            LOG.debugf("ignoring event type %s", event.type());
            return Uni.createFrom().voidItem();
        }
        OrganizationChangedV1 organization = event.dataAs(OrganizationChangedV1.class, json);
        if (organization.id() == null || organization.kind() == null || organization.name() == null
                || organization.status() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks id, kind, name or status");
        }
        return directory.findById(organization.id()).chain(existing -> {
            if (existing != null && existing.sourceVersion >= organization.version()) {
                return Uni.createFrom().voidItem(); // an older or the same snapshot, seen late
            }
            DirectoryOrganization entry = existing != null ? existing : new DirectoryOrganization();
            copy(organization, entry);
            return existing != null ? Uni.createFrom().voidItem() : directory.persist(entry).replaceWithVoid();
        });
    }

    private static void copy(OrganizationChangedV1 organization, DirectoryOrganization entry) {
        String ancestry = organization.ancestry() == null ? "" : String.join("/", organization.ancestry());
        entry.id = organization.id();
        entry.kind = organization.kind();
        entry.parentId = organization.parentId();
        entry.path = ancestry.isEmpty() ? organization.id() : ancestry + "/" + organization.id();
        entry.name = organization.name();
        entry.status = organization.status();
        entry.customerNumber = organization.customerNumber();
        entry.countryCode = organization.countryCode();
        entry.currency = organization.currency();
        entry.billingDay = organization.billingDay();
        entry.sourceVersion = organization.version();
    }
}
