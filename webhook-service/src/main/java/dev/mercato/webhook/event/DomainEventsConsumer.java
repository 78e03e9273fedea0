package dev.mercato.webhook.event;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.platform.directory.OrganizationDirectoryProjector;
import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.events.ContractExpiringV1;
import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.platform.events.InvoiceChangedV1;
import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.events.PrivateOfferChangedV1;
import dev.mercato.platform.events.SubscriptionChangedV1;
import dev.mercato.platform.events.TokenBalanceV1;
import dev.mercato.platform.events.TransactionChangedV1;
import dev.mercato.platform.messaging.EventInbox;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.webhook.delivery.DeliveryEngine;
import dev.mercato.webhook.owner.ProductOwners;
import io.smallrye.mutiny.Uni;

/**
 * Reads the domain topics, each event once (the inbox), maps it to its public event type, if any, and fans it out
 * ({@link FanOut}) in the same transaction; then wakes the delivery engine. The mapping:
 * <ul>
 * <li>{@code identity.organizations}: a tenant created → {@code customer.created}, changed → {@code customer.updated}
 * (every organization also updates the directory read model routing relies on, and releases the events that waited
 * for it);</li>
 * <li>{@code catalog.offers}: sent → {@code privateOffer.created}, accepted → {@code privateOffer.accepted}, to the
 * customer's side and the vendor;</li>
 * <li>{@code orders.contracts} expiring notices → {@code contract.expiring};</li>
 * <li>{@code orders.entitlements} → {@code entitlement.updated}, to the customer and the vendor of its listing or
 * article;</li>
 * <li>{@code orders.transactions} reaching PROCESSED or REJECTED → {@code transaction.processed} /
 * {@code transaction.rejected};</li>
 * <li>{@code orders.subscriptions}: first version → {@code subscription.created}, later → {@code subscription.updated},
 * to the customer and the vendor of its listing or article;</li>
 * <li>{@code catalog.listings}, {@code catalog.articles}: who owns each listing and article ({@link ProductOwners}).</li>
 * <li>{@code metering.reports} → {@code metering.confirmed} / {@code metering.failed}, to the vendor and the customer.</li>
 * </ul>
 */
@ApplicationScoped
public class DomainEventsConsumer {

    static final String PREFIX = "webhook-service.";

    private final EventInbox inbox;
    private final OrganizationDirectoryProjector directory;
    private final FanOut fanOut;
    private final ProductOwners owners;
    private final DeliveryEngine engine;

    public DomainEventsConsumer(EventInbox inbox, OrganizationDirectoryProjector directory, FanOut fanOut,
            ProductOwners owners, DeliveryEngine engine) {
        this.inbox = inbox;
        this.directory = directory;
        this.fanOut = fanOut;
        this.owners = owners;
        this.engine = engine;
    }

    @Incoming("identity-organizations")
    public Uni<Void> organizations(ConsumerRecord<String, String> record) {
        return handle("organizations", record, event -> directory.apply(event)
                .chain(() -> fanOut.release(text(event.data(), "id")))
                .chain(() -> customerEvent(event)));
    }

    /** A tenant created or changed: {@code customer.created} / {@code customer.updated} to the tenant. */
    private Uni<Void> customerEvent(IncomingEvent event) {
        boolean created = OrganizationChangedV1.CREATED.equals(event.type());
        if (!created && !OrganizationChangedV1.UPDATED.equals(event.type())
                || !"TENANT".equals(text(event.data(), "kind"))) {
            return none();
        }
        String id = text(event.data(), "id");
        return fanOut.route(created ? EventCatalogue.CUSTOMER_CREATED : EventCatalogue.CUSTOMER_UPDATED, id,
                event.data(), event.requestId(), event.time(), List.of(id)).replaceWithVoid();
    }

    @Incoming("catalog-offers")
    public Uni<Void> offers(ConsumerRecord<String, String> record) {
        return handle("offers", record, event -> {
            String type = switch (event.type()) {
                case PrivateOfferChangedV1.CREATED -> EventCatalogue.OFFER_CREATED;
                case PrivateOfferChangedV1.ACCEPTED -> EventCatalogue.OFFER_ACCEPTED;
                default -> null;
            };
            return type == null ? none() : route(event, type, "id", "customerId", "vendorId");
        });
    }

    @Incoming("orders-contracts")
    public Uni<Void> contracts(ConsumerRecord<String, String> record) {
        return handle("contracts", record, event -> ContractExpiringV1.EXPIRING.equals(event.type())
                ? route(event, EventCatalogue.CONTRACT_EXPIRING, "contractId", "customerId")
                : none());
    }

    @Incoming("orders-entitlements")
    public Uni<Void> entitlements(ConsumerRecord<String, String> record) {
        return handle("entitlements", record, event -> EntitlementChangedV1.CHANGED.equals(event.type())
                ? owners.ownerOf(text(event.data(), "listingId"), text(event.data(), "sku"))
                        .chain(vendor -> routeWithVendor(event, EventCatalogue.ENTITLEMENT_UPDATED, "id", vendor,
                                "customerId"))
                : none());
    }

    @Incoming("orders-transactions")
    public Uni<Void> transactions(ConsumerRecord<String, String> record) {
        return handle("transactions", record, event -> {
            if (!TransactionChangedV1.TYPE.equals(event.type())) {
                return none();
            }
            String type = switch (String.valueOf(text(event.data(), "status"))) {
                case "PROCESSED" -> EventCatalogue.TRANSACTION_PROCESSED;
                case "REJECTED" -> EventCatalogue.TRANSACTION_REJECTED;
                default -> null;
            };
            return type == null ? none() : route(event, type, "id", "customerId");
        });
    }

    @Incoming("orders-subscriptions")
    public Uni<Void> subscriptions(ConsumerRecord<String, String> record) {
        return handle("subscriptions", record, event -> {
            if (!SubscriptionChangedV1.CHANGED.equals(event.type())) {
                return none();
            }
            JsonNode version = event.data().get("version");
            boolean first = version == null || version.asLong() == 0;
            return owners.ownerOf(text(event.data(), "listingId"), text(event.data(), "renewalSku"))
                    .chain(vendor -> routeWithVendor(event, first ? EventCatalogue.SUBSCRIPTION_CREATED
                            : EventCatalogue.SUBSCRIPTION_UPDATED, "id", vendor, "customerId"));
        });
    }

    @Incoming("catalog-listings")
    public Uni<Void> listings(ConsumerRecord<String, String> record) {
        return handle("listings", record, event -> ListingChangedV1.CHANGED.equals(event.type())
                ? owner(event, ProductOwners.listing(text(event.data(), "id")), "vendorId")
                : none());
    }

    @Incoming("catalog-articles")
    public Uni<Void> articles(ConsumerRecord<String, String> record) {
        return handle("articles", record, event -> ArticleChangedV1.TYPE.equals(event.type())
                ? owner(event, ProductOwners.article(text(event.data(), "sku")), "ownerId")
                : none());
    }

    @Incoming("metering-reports")
    public Uni<Void> meteringReports(ConsumerRecord<String, String> record) {
        return handle("metering-reports", record, event -> {
            String type = switch (event.type()) {
                case MeteringReportV1.CONFIRMED -> EventCatalogue.METERING_CONFIRMED;
                case MeteringReportV1.FAILED -> EventCatalogue.METERING_FAILED;
                default -> null;
            };
            return type == null ? none() : route(event, type, "id", "customerId", "vendorId");
        });
    }

    @Incoming("billing-invoices")
    public Uni<Void> invoices(ConsumerRecord<String, String> record) {
        return handle("invoices", record, event -> {
            String type = switch (event.type()) {
                case InvoiceChangedV1.FINALIZED -> EventCatalogue.INVOICE_FINALIZED;
                case InvoiceChangedV1.PAID -> EventCatalogue.INVOICE_PAID;
                case InvoiceChangedV1.VOIDED -> EventCatalogue.INVOICE_VOIDED;
                default -> null;
            };
            return type == null ? none() : route(event, type, "id", "customerId");
        });
    }

    @Incoming("metering-balances")
    public Uni<Void> balances(ConsumerRecord<String, String> record) {
        return handle("balances", record, event -> TokenBalanceV1.LOW.equals(event.type())
                ? route(event, EventCatalogue.BALANCE_LOW, "customerId", "customerId", "vendorId")
                : none());
    }

    private Uni<Void> handle(String consumer, ConsumerRecord<String, String> record,
            java.util.function.Function<IncomingEvent, Uni<Void>> effect) {
        return inbox.handleOnce(PREFIX + consumer, record, effect).invoke(engine::wake);
    }

    /** Keeps who owns a listing or an article ({@link ProductOwners}). */
    private Uni<Void> owner(IncomingEvent event, String product, String ownerField) {
        String owner = text(event.data(), ownerField);
        JsonNode version = event.data().get("version");
        if (owner == null || product.endsWith(":null")) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") names no product or owner");
        }
        return owners.apply(product, owner, version == null ? 0 : version.asLong());
    }

    /** Routes {@code event} as {@code type}; the subject is field {@code subjectField}, the audience the other fields. */
    private Uni<Void> route(IncomingEvent event, String type, String subjectField, String... audienceFields) {
        return routeWithVendor(event, type, subjectField, null, audienceFields);
    }

    /** As above, with the vendor of what the event is about (null if unknown) in the audience too. */
    private Uni<Void> routeWithVendor(IncomingEvent event, String type, String subjectField, String vendorId,
            String... audienceFields) {
        String subject = text(event.data(), subjectField);
        if (subject == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has no " + subjectField);
        }
        List<String> audience = new ArrayList<>();
        audience.add(vendorId);
        for (String field : audienceFields) {
            audience.add(text(event.data(), field));
        }
        return fanOut.route(type, subject, event.data(), event.requestId(), event.time(), audience).replaceWithVoid();
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
