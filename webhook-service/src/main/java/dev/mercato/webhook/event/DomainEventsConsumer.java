package dev.mercato.webhook.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
import dev.mercato.platform.messaging.BatchInbox;
import dev.mercato.platform.messaging.EventInbox;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.webhook.delivery.DeliveryEngine;
import dev.mercato.webhook.owner.ProductOwners;
import io.smallrye.mutiny.Uni;

/**
 * Reads the domain topics, each event once, maps it to its public event type, if any, and fans it out
 * ({@link FanOut}) in the same transaction; then wakes the delivery engine. The domain topics are read a poll at a
 * time, one transaction per poll ({@link BatchInbox}); the read models (organizations, product owners), one event at
 * a time ({@link EventInbox}). The mapping:
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
    private final BatchInbox batches;
    private final OrganizationDirectoryProjector directory;
    private final FanOut fanOut;
    private final ParkedEventRepository parked;
    private final ProductOwners owners;
    private final DeliveryEngine engine;

    public DomainEventsConsumer(EventInbox inbox, BatchInbox batches, OrganizationDirectoryProjector directory,
            FanOut fanOut, ParkedEventRepository parked, ProductOwners owners, DeliveryEngine engine) {
        this.inbox = inbox;
        this.batches = batches;
        this.directory = directory;
        this.fanOut = fanOut;
        this.parked = parked;
        this.owners = owners;
        this.engine = engine;
    }

    /**
     * Every organization updates the directory; a tenant's also becomes {@code customer.created} or
     * {@code customer.updated}, which waits with the events that waited for the organization and goes out with them,
     * in order, right after this transaction ({@link FanOut#releaseWaiting}).
     */
    @Incoming("identity-organizations")
    public Uni<Void> organizations(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(PREFIX + "organizations", record, event -> directory.apply(event)
                        .chain(() -> customerEvent(event)))
                .invoke(fanOut::releaseWaiting);
    }

    private Uni<Void> customerEvent(IncomingEvent event) {
        boolean created = OrganizationChangedV1.CREATED.equals(event.type());
        if (!created && !OrganizationChangedV1.UPDATED.equals(event.type())
                || !"TENANT".equals(text(event.data(), "kind"))) {
            return none();
        }
        String id = text(event.data(), "id");
        return parked.persist(ParkedEvent.waiting(new PublicEvent(
                created ? EventCatalogue.CUSTOMER_CREATED : EventCatalogue.CUSTOMER_UPDATED, id, event.data(),
                event.requestId(), event.time(), List.of(id), List.of(), event.trace()))).replaceWithVoid();
    }

    @Incoming("catalog-offers")
    public Uni<Void> offers(ConsumerRecords<String, String> records) {
        return route("catalog-offers", "offers", records, event -> {
            String type = switch (event.type()) {
                case PrivateOfferChangedV1.CREATED -> EventCatalogue.OFFER_CREATED;
                case PrivateOfferChangedV1.ACCEPTED -> EventCatalogue.OFFER_ACCEPTED;
                default -> null;
            };
            return type == null ? null : publicEvent(event, type, "id", List.of(), "customerId", "vendorId");
        });
    }

    @Incoming("orders-contracts")
    public Uni<Void> contracts(ConsumerRecords<String, String> records) {
        return route("orders-contracts", "contracts", records, event -> ContractExpiringV1.EXPIRING.equals(event.type())
                ? publicEvent(event, EventCatalogue.CONTRACT_EXPIRING, "contractId", List.of(), "customerId")
                : null);
    }

    @Incoming("orders-entitlements")
    public Uni<Void> entitlements(ConsumerRecords<String, String> records) {
        return route("orders-entitlements", "entitlements", records, event -> EntitlementChangedV1.CHANGED.equals(event.type())
                ? publicEvent(event, EventCatalogue.ENTITLEMENT_UPDATED, "id", soldAs(event, "sku"), "customerId")
                : null);
    }

    @Incoming("orders-transactions")
    public Uni<Void> transactions(ConsumerRecords<String, String> records) {
        return route("orders-transactions", "transactions", records, event -> {
            if (!TransactionChangedV1.TYPE.equals(event.type())) {
                return null;
            }
            String type = switch (String.valueOf(text(event.data(), "status"))) {
                case "PROCESSED" -> EventCatalogue.TRANSACTION_PROCESSED;
                case "REJECTED" -> EventCatalogue.TRANSACTION_REJECTED;
                default -> null;
            };
            return type == null ? null : publicEvent(event, type, "id", List.of(), "customerId");
        });
    }

    @Incoming("orders-subscriptions")
    public Uni<Void> subscriptions(ConsumerRecords<String, String> records) {
        return route("orders-subscriptions", "subscriptions", records, event -> {
            if (!SubscriptionChangedV1.CHANGED.equals(event.type())) {
                return null;
            }
            JsonNode version = event.data().get("version");
            boolean first = version == null || version.asLong() == 0;
            return publicEvent(event, first ? EventCatalogue.SUBSCRIPTION_CREATED : EventCatalogue.SUBSCRIPTION_UPDATED,
                    "id", soldAs(event, "renewalSku"), "customerId");
        });
    }

    @Incoming("metering-reports")
    public Uni<Void> meteringReports(ConsumerRecords<String, String> records) {
        return route("metering-reports", "metering-reports", records, event -> {
            String type = switch (event.type()) {
                case MeteringReportV1.CONFIRMED -> EventCatalogue.METERING_CONFIRMED;
                case MeteringReportV1.FAILED -> EventCatalogue.METERING_FAILED;
                default -> null;
            };
            return type == null ? null : publicEvent(event, type, "id", List.of(), "customerId", "vendorId");
        });
    }

    @Incoming("billing-invoices")
    public Uni<Void> invoices(ConsumerRecords<String, String> records) {
        return route("billing-invoices", "invoices", records, event -> {
            String type = switch (event.type()) {
                case InvoiceChangedV1.FINALIZED -> EventCatalogue.INVOICE_FINALIZED;
                case InvoiceChangedV1.PAID -> EventCatalogue.INVOICE_PAID;
                case InvoiceChangedV1.VOIDED -> EventCatalogue.INVOICE_VOIDED;
                default -> null;
            };
            return type == null ? null : publicEvent(event, type, "id", List.of(), "customerId");
        });
    }

    @Incoming("metering-balances")
    public Uni<Void> balances(ConsumerRecords<String, String> records) {
        return route("metering-balances", "balances", records, event -> TokenBalanceV1.LOW.equals(event.type())
                ? publicEvent(event, EventCatalogue.BALANCE_LOW, "customerId", List.of(), "customerId", "vendorId")
                : null);
    }

    @Incoming("catalog-listings")
    public Uni<Void> listings(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(PREFIX + "listings", record, event -> ListingChangedV1.CHANGED.equals(event.type())
                ? owner(event, ProductOwners.listing(text(event.data(), "id")), "vendorId")
                : none());
    }

    @Incoming("catalog-articles")
    public Uni<Void> articles(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(PREFIX + "articles", record, event -> ArticleChangedV1.TYPE.equals(event.type())
                ? owner(event, ProductOwners.article(text(event.data(), "sku")), "ownerId")
                : none());
    }

    /**
     * A poll of {@code channel}'s records, each event once (the batch inbox): mapped to its public event, if any, and
     * fanned out in one transaction; then the delivery engine is woken if that stored messages. A poll of events
     * without a public event (a PENDING transaction, a contract's snapshot) costs no transaction and no claim.
     */
    private Uni<Void> route(String channel, String consumer, ConsumerRecords<String, String> records,
            Function<IncomingEvent, PublicEvent> mapping) {
        AtomicBoolean stored = new AtomicBoolean();
        AtomicBoolean parked = new AtomicBoolean();
        return batches.handleOnce(channel, PREFIX + consumer, records, mapping,
                        (sql, events) -> fanOut.route(sql, events).invoke(routed -> {
                            stored.set(routed.messages() > 0);
                            parked.set(routed.parked() > 0);
                        }).replaceWithVoid())
                .invoke(() -> {
                    if (stored.get()) {
                        engine.wake();
                    }
                    if (parked.get()) {
                        // it may have waited behind an event released meanwhile
                        fanOut.releaseWaiting();
                    }
                });
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

    /**
     * {@code event} as public event {@code type}: the subject is field {@code subjectField}, the audience the other
     * fields and the owner of the first of {@code soldAs} that is known. An event without its subject is poison.
     */
    private static PublicEvent publicEvent(IncomingEvent event, String type, String subjectField, List<String> soldAs,
            String... audienceFields) {
        String subject = text(event.data(), subjectField);
        if (subject == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has no " + subjectField);
        }
        List<String> audience = new ArrayList<>();
        for (String field : audienceFields) {
            audience.add(text(event.data(), field));
        }
        return new PublicEvent(type, subject, event.data(), event.requestId(), event.time(), audience, soldAs,
                event.trace());
    }

    /** What was sold, in order of preference: the listing, else the article. */
    private static List<String> soldAs(IncomingEvent event, String skuField) {
        String listingId = text(event.data(), "listingId");
        String sku = text(event.data(), skuField);
        List<String> products = new ArrayList<>(2);
        if (listingId != null) {
            products.add(ProductOwners.listing(listingId));
        }
        if (sku != null) {
            products.add(ProductOwners.article(sku));
        }
        return products;
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
