package dev.mercato.order.transaction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.mercato.order.account.Account;
import dev.mercato.order.account.AccountRepository;
import dev.mercato.order.catalogmodel.CatalogArticle;
import dev.mercato.order.catalogmodel.CatalogArticles;
import dev.mercato.order.sweep.Sweeps;
import dev.mercato.platform.events.PrivateOfferChangedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.pricing.Discount;
import dev.mercato.pricing.LinePrice;
import dev.mercato.pricing.PriceDefinition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Turns an accepted private offer into one INITIAL transaction for the offer's customer, in the consumer's
 * transaction. The offer names a listing and a vendor but no SKU, so the article it sells is the one article
 * of that vendor orderable for INITIAL on the acceptance date whose contract term is the offer's duration; its
 * purchase price in the customer's currency, less the offer's discount percentage, is the price (quantity 1).
 * Without exactly one such article, or a price in that currency, the transaction is stored REJECTED saying
 * why. An offer that already has its transaction (a redelivery, or the accepted and changed copies of the same
 * snapshot) makes no other: the offer id is unique among transactions.
 *
 * <p>The acceptance and the customer's account come on different topics, so the acceptance may arrive first (a
 * customer onboarded and sold to within seconds while this service catches up): the offer then waits in the read
 * model, and a sweep places it once the account has arrived ({@link #placeWaiting}).
 */
@ApplicationScoped
public class OfferOrders {

    private static final Logger LOG = Logger.getLogger(OfferOrders.class);
    static final int WAITING_BATCH = 100;

    private final Clock clock;
    private final TransactionRepository transactions;
    private final AccountRepository accounts;
    private final CatalogArticles articles;
    private final TransactionService service;
    private final Sweeps sweeps;

    public OfferOrders(TransactionRepository transactions, AccountRepository accounts, CatalogArticles articles,
            TransactionService service, Sweeps sweeps, Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.accounts = accounts;
        this.articles = articles;
        this.service = service;
        this.sweeps = sweeps;
    }

    /** Places the offer's order unless it has one; nothing for an offer that is not ACCEPTED. */
    public Uni<Void> accepted(PrivateOfferChangedV1 offer) {
        if (!"ACCEPTED".equals(offer.status())) {
            return Uni.createFrom().voidItem();
        }
        return transactions.count("offerId", offer.id()).chain(existing -> existing > 0
                ? Uni.createFrom().voidItem()
                : accounts.findById(offer.customerId()).chain(customer -> {
                    if (customer == null) {
                        LOG.infof("accepted private offer %s waits for its customer %s to be known here", offer.id(),
                                offer.customerId());
                        return Uni.createFrom().voidItem();
                    }
                    return articles.ofOwner(offer.vendorId()).chain(sold -> store(build(offer, customer, sold)));
                }));
    }

    void schedule(@Observes StartupEvent event) {
        sweeps.every("accepted private offers placed once their customer was known", this::placeWaiting);
    }

    /**
     * Places the orders of accepted offers that have none yet and whose customer is now known, a batch per
     * transaction (claimed with {@code skip locked}, so two instances never place one twice); emits how many.
     */
    public Uni<Integer> placeWaiting() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select o.id, o.vendor, o.vendor_id, o.listing_id, o.customer_id, o.discount_percentage,
                               o.duration_months, o.accepted_at
                        from catalog_offer o join account a on a.id = o.customer_id
                        where o.status = 'ACCEPTED'
                          and not exists (select 1 from order_transaction t where t.offer_id = o.id)
                        order by o.accepted_at limit %d
                        for update of o skip locked""".formatted(WAITING_BATCH), Object[].class).getResultList())
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        PrivateOfferChangedV1 offer = waitingOffer(row);
                        chain = chain.chain(() -> accepted(offer));
                    }
                    return chain.replaceWith(rows.size());
                }));
    }

    /** What an order needs of an offer, as the read model keeps it. */
    private static PrivateOfferChangedV1 waitingOffer(Object[] row) {
        Instant acceptedAt = row[7] instanceof java.time.OffsetDateTime time ? time.toInstant() : (Instant) row[7];
        BigDecimal discount = row[5] == null ? null : new BigDecimal(row[5].toString());
        PrivateOfferChangedV1.PricingV1 pricing = row[6] == null ? null
                : new PrivateOfferChangedV1.PricingV1(discount, ((Number) row[6]).intValue());
        return new PrivateOfferChangedV1((String) row[0], (String) row[1], (String) row[2], (String) row[3], null,
                (String) row[4], null, null, null, pricing, "ACCEPTED", null, null, acceptedAt, null, null, null, null,
                null, 0);
    }

    private Uni<Void> store(OrderTransaction transaction) {
        transaction.id = Ids.next("trx");
        return transactions.persist(transaction).call(transactions::flush).call(service::publish).replaceWithVoid();
    }

    private OrderTransaction build(PrivateOfferChangedV1 offer, Account customer, Map<String, CatalogArticle> sold) {
        LocalDate acceptedOn = offer.acceptedAt() != null ? LocalDate.ofInstant(offer.acceptedAt(), ZoneOffset.UTC)
                : LocalDate.now(clock);
        Integer months = offer.pricing() == null ? null : offer.pricing().duration();
        BigDecimal discount = offer.pricing() == null ? null : offer.pricing().discountPercentage();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderTransaction t = new OrderTransaction();
        t.offerId = offer.id();
        t.orderType = OrderType.INITIAL;
        t.status = TransactionStatus.PENDING;
        t.resellerId = offer.vendorId() == null ? "" : offer.vendorId();
        t.resellerName = offer.vendor();
        t.resellerSiteId = "offer";
        t.currency = customer.currency == null ? "" : customer.currency.toLowerCase(Locale.ROOT);
        t.customerId = offer.customerId();
        t.customerPath = customer.path;
        t.customerCsn = customer.csn;
        t.customerName = customer.name == null ? "" : customer.name;
        t.customerAddressLine1 = customer.addressLine1;
        t.customerCity = customer.city;
        t.customerPostal = customer.postal;
        t.customerCountry = customer.country;
        t.contractStartDate = acceptedOn;
        t.contractTerm = months;
        t.contractEndDate = months == null ? null : acceptedOn.plusMonths(months).minusDays(1);
        t.userId = "offer:" + offer.id();
        t.deliveryDate = acceptedOn;
        t.purchaseOrderNumber = offer.id().length() <= 35 ? offer.id() : offer.id().substring(0, 35);
        t.quantity = 1;
        t.price = BigDecimal.ZERO;
        t.items = new OrderTransaction.Items(List.of());
        t.attempt = 1;
        t.createdAt = now;
        t.updatedAt = now;
        String refusal = months == null || months < 1 ? "the offer names no duration to make a contract term of"
                : null;
        CatalogArticle article = null;
        if (refusal == null) {
            List<CatalogArticle> candidates = sold.values().stream()
                    .filter(a -> a.supports(OrderType.INITIAL.name()) && a.orderableOn(acceptedOn)
                            && months.equals(a.contractTerm()))
                    .toList();
            if (candidates.size() == 1) {
                article = candidates.get(0);
            } else {
                refusal = candidates.isEmpty()
                        ? "no article of vendor " + offer.vendorId() + " for listing " + offer.listingId()
                                + " is orderable for INITIAL orders on " + acceptedOn + " with a " + months + "-month term"
                        : "the offer's article is ambiguous: vendor " + offer.vendorId() + " sells "
                                + String.join(", ", candidates.stream().map(CatalogArticle::sku).toList())
                                + " for INITIAL orders with a " + months + "-month term";
            }
        }
        if (refusal == null && article.purPrice().get(t.currency) == null) {
            refusal = "SKU " + article.sku() + " has no price in " + t.currency + ", the customer's currency";
        }
        if (refusal != null) {
            t.status = TransactionStatus.REJECTED;
            t.statusMessage = "private offer " + offer.id() + " cannot become an order: " + refusal;
            t.processedAt = now;
            return t;
        }
        BigDecimal price = LinePrice.of(PriceDefinition.perUnit(article.purPrice().get(t.currency).toPlainString()),
                BigDecimal.ONE, t.currency, null, null,
                discount == null || discount.signum() == 0 ? null : Discount.percentage(discount.toPlainString()))
                .total().amount();
        t.price = price;
        t.items = new OrderTransaction.Items(List.of(new TransactionItem(article.sku(), article.id(), 1,
                article.packSize(), price, null)));
        return t;
    }
}
