package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.metering.readmodel.KnownOrganizations;
import dev.mercato.metering.readmodel.MeteredListings;
import dev.mercato.metering.readmodel.ReadModels;
import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.events.UsageAggregateV1;
import dev.mercato.platform.messaging.EventInbox;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Claims each closed hour of a listing sold through AWS or Azure for submission, through the inbox: one row per
 * marketplace, customer, listing, dimension and hour (two aggregates of the same hour — two subscriptions — add
 * up while it waits). A correction changes a claim not yet sent; one that arrives after is kept beside it as
 * {@code unsubmittedCorrection}, since a marketplace takes one record per hour. Waits for the listings and
 * organizations read models before the first event, so no listing is taken for unknown.
 */
@ApplicationScoped
public class MarketplaceClaims {

    static final String CONSUMER = "metering-service.marketplace";

    private final EventInbox inbox;
    private final ReadModels readModels;
    private final MeteredListings listings;
    private final KnownOrganizations organizations;
    private final ObjectMapper json;

    public MarketplaceClaims(EventInbox inbox, ReadModels readModels, MeteredListings listings,
            KnownOrganizations organizations, ObjectMapper json) {
        this.inbox = inbox;
        this.readModels = readModels;
        this.listings = listings;
        this.organizations = organizations;
        this.json = json;
    }

    @Incoming("marketplace-aggregates")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return readModelsLoaded().chain(() -> inbox.handleOnce(CONSUMER, record, this::apply));
    }

    private Uni<Void> readModelsLoaded() {
        return Uni.createFrom().item(readModels::loaded)
                .onItem().transformToUni(loaded -> loaded ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException("read models not loaded")))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).indefinitely();
    }

    private Uni<Void> apply(IncomingEvent event) {
        boolean closed = UsageAggregateV1.CLOSED.equals(event.type());
        if (!closed && !UsageAggregateV1.CORRECTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        UsageAggregateV1 aggregate = event.dataAs(UsageAggregateV1.class, json);
        if (aggregate.id() == null || aggregate.customerId() == null || aggregate.listingId() == null
                || aggregate.dimension() == null || aggregate.hourStart() == null || aggregate.value() == null) {
            throw new PoisonEventException("aggregate event " + event.id() + " lacks an id, customer, listing, dimension, "
                    + "hour or value");
        }
        ListingChangedV1 listing = listings.get(aggregate.listingId());
        if (listing == null || !("aws".equals(listing.vendor()) || "azure".equals(listing.vendor()))) {
            return Uni.createFrom().voidItem();
        }
        return closed ? claim(aggregate, listing) : correct(aggregate);
    }

    private Uni<Void> claim(UsageAggregateV1 aggregate, ListingChangedV1 listing) {
        MarketplaceCustomer customer = MarketplaceCustomer.of(organizations.get(aggregate.customerId()), listing.vendor(),
                listing.id());
        boolean claimable = customer != null && ("azure".equals(listing.vendor()) || listing.productCode() != null);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into marketplace_submission as s (marketplace, aggregate_id, customer_id, vendor_id, listing_id,
                    dimension, hour_start, product_code, account_kind, account_id, plan_id, quantity, status, reason,
                    next_attempt_at, created_at, updated_at)
                values (:marketplace, :aggregate, :customer, :vendor, :listing, :dimension, :hour, :product, :kind,
                    :account, :plan, :quantity, :status, :reason, now(), now(), now())
                on conflict (marketplace, customer_id, listing_id, dimension, hour_start) do update
                    set quantity = s.quantity + excluded.quantity, updated_at = now()
                    where s.status = 'PENDING'""")
                .setParameter("marketplace", listing.vendor())
                .setParameter("aggregate", aggregate.id())
                .setParameter("customer", aggregate.customerId())
                .setParameter("vendor", aggregate.vendorId())
                .setParameter("listing", aggregate.listingId())
                .setParameter("dimension", aggregate.dimension())
                .setParameter("hour", aggregate.hourStart().atOffset(ZoneOffset.UTC))
                .setParameter("product", listing.productCode())
                .setParameter("kind", customer == null ? null : customer.accountKind())
                .setParameter("account", customer == null ? null : customer.accountId())
                .setParameter("plan", customer == null ? null : customer.planId())
                .setParameter("quantity", aggregate.value())
                .setParameter("status", claimable ? "PENDING" : SubmissionOutcome.REJECTED)
                .setParameter("reason", claimable ? null
                        : customer == null ? "NO_MARKETPLACE_CUSTOMER" : "NO_PRODUCT_CODE")
                .executeUpdate()
                .replaceWithVoid());
    }

    private Uni<Void> correct(UsageAggregateV1 aggregate) {
        BigDecimal delta = aggregate.value().subtract(
                aggregate.previousValue() == null ? BigDecimal.ZERO : aggregate.previousValue());
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update marketplace_submission
                set quantity = case when status = 'PENDING' then quantity + :delta else quantity end,
                    unsubmitted_correction = case when status = 'PENDING' then unsubmitted_correction
                                                  else unsubmitted_correction + :delta end,
                    updated_at = now()
                where customer_id = :customer and listing_id = :listing and dimension = :dimension
                  and hour_start = :hour""")
                .setParameter("delta", delta)
                .setParameter("customer", aggregate.customerId())
                .setParameter("listing", aggregate.listingId())
                .setParameter("dimension", aggregate.dimension())
                .setParameter("hour", aggregate.hourStart().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid());
    }
}
