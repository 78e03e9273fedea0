package dev.mercato.order.transaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.AccountRepository;
import dev.mercato.order.account.AccountStatus;
import dev.mercato.order.catalogmodel.CatalogArticle;
import dev.mercato.order.catalogmodel.CatalogArticles;
import dev.mercato.order.catalogmodel.CatalogOffers;
import dev.mercato.order.contract.ContractRepository;
import dev.mercato.order.contract.ContractService;
import dev.mercato.order.contract.ContractType;
import dev.mercato.order.contract.NewContract;
import dev.mercato.order.opportunity.OpportunityRepository;
import dev.mercato.order.opportunity.OpportunityService;
import dev.mercato.order.opportunity.PartialRenewals;
import dev.mercato.order.opportunity.SalesStatus;
import dev.mercato.order.subscription.Deployment;
import dev.mercato.order.subscription.NewArticle;
import dev.mercato.order.subscription.NewSubscription;
import dev.mercato.order.subscription.Prices;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.order.subscription.SubscriptionService;
import io.smallrye.mutiny.Uni;

/**
 * What processing a transaction does to contracts and subscriptions, by order type, in the processor's
 * transaction, through the contract and subscription services (which publish what they change). Whatever may
 * have changed since placement is checked again before anything is written; a failure that is the order's
 * fault is an {@link OrderRejectedException}. The serial numbers and contract number it produced are recorded
 * on the transaction.
 */
@ApplicationScoped
public class TransactionEffects {

    private final Clock clock;
    private final AccountRepository accounts;
    private final CatalogArticles articles;
    private final CatalogOffers offers;
    private final ContractRepository contracts;
    private final ContractService contractService;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionService subscriptionService;
    private final OpportunityRepository opportunities;
    private final OpportunityService opportunityService;
    private final PartialRenewals partialRenewals;

    public TransactionEffects(AccountRepository accounts, CatalogArticles articles, CatalogOffers offers,
            ContractRepository contracts,
            ContractService contractService, SubscriptionRepository subscriptions,
            SubscriptionService subscriptionService, OpportunityRepository opportunities,
            OpportunityService opportunityService, PartialRenewals partialRenewals, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.articles = articles;
        this.offers = offers;
        this.contracts = contracts;
        this.contractService = contractService;
        this.subscriptions = subscriptions;
        this.subscriptionService = subscriptionService;
        this.opportunities = opportunities;
        this.opportunityService = opportunityService;
        this.partialRenewals = partialRenewals;
    }

    public Uni<Void> apply(OrderTransaction transaction) {
        return switch (transaction.orderType) {
            case INITIAL -> initial(transaction);
            case ADD_PRODUCT -> addProduct(transaction);
            case ADD_SEAT -> addSeats(transaction);
            case EXTEND -> extend(transaction);
            case RENEWAL -> renew(transaction);
            case S2S -> switchSkus(transaction);
            case MULTI_USER_TRADE_IN -> tradeIn(transaction);
        };
    }

    /** A new contract with one subscription per item. */
    private Uni<Void> initial(OrderTransaction t) {
        return accounts.findById(t.customerId).chain(customer -> {
            if (customer == null || customer.status != AccountStatus.ACTIVE) {
                throw new OrderRejectedException("customer " + t.customerCsn + " is "
                        + (customer == null ? "gone" : customer.status) + "; a contract needs an ACTIVE customer");
            }
            return newSubscriptions(t, true).chain(items -> {
                NewContract terms = new NewContract(t.contractStartDate, t.contractEndDate, t.contractTerm,
                        contractType(items.contractType()), t.contactEmail, t.contactFirstName, t.contactLastName, null);
                return contractService.createWithSubscriptions(customer, terms, items.subscriptions());
            }).invoke(created -> {
                t.contractNumber = created.contract().contractNumber;
                recordSerialNumbers(t, created.subscriptions());
            });
        }).replaceWithVoid();
    }

    /** New subscriptions in the contract, co-termed to its end date. */
    private Uni<Void> addProduct(OrderTransaction t) {
        return contracts.findByNumber(t.contractNumber).chain(contract -> {
            if (contract == null || contract.contractEndDate.isBefore(today())) {
                throw new OrderRejectedException("contract " + t.contractNumber + " is no longer active");
            }
            return newSubscriptions(t, false)
                    .chain(items -> contractService.addSubscriptions(t.contractNumber, items.subscriptions()))
                    .invoke(added -> recordSerialNumbers(t, added));
        }).replaceWithVoid();
    }

    /** The contract and its subscriptions in force end on the new date, if that still extends it. */
    private Uni<Void> extend(OrderTransaction t) {
        return contracts.findByNumber(t.contractNumber).chain(contract -> {
            if (contract == null || contract.contractEndDate.isBefore(today())) {
                throw new OrderRejectedException("contract " + t.contractNumber + " is no longer active");
            }
            if (!contract.contractEndDate.isBefore(t.contractEndDate)) {
                throw new OrderRejectedException("contract " + t.contractNumber + " already ends on "
                        + contract.contractEndDate + ", not before " + t.contractEndDate);
            }
            return contractService.changeEndDate(t.contractNumber, t.contractEndDate);
        }).replaceWithVoid();
    }

    /**
     * The subscriptions named get their new term and the opportunity is consumed: closed after a full renewal;
     * after a partial one it stays open under a new number for the subscriptions not renewed.
     */
    private Uni<Void> renew(OrderTransaction t) {
        List<String> serials = t.items.lines().stream().map(TransactionItem::serialNumber).toList();
        return opportunities.findByNumber(t.opportunityNumber).chain(opportunity -> {
            if (opportunity == null || opportunity.closedAt != null) {
                throw new OrderRejectedException("opportunity " + t.opportunityNumber
                        + " is no longer open; it was renewed or renumbered since the order was placed");
            }
            return inForce(serials).chain(named -> {
                for (Subscription subscription : named) {
                    if (!t.opportunityNumber.equals(subscription.opportunityNumber)
                            || !subscription.endDate.isBefore(t.contractEndDate)) {
                        throw new OrderRejectedException("subscription " + subscription.serialNumber
                                + " is no longer up for renewal under opportunity " + t.opportunityNumber);
                    }
                }
                return contractService.renew(t.contractNumber, serials, t.contractEndDate);
            }).chain(renewed -> t.partialRenewal
                    ? partialRenewals.keepRemainderOpen(t.opportunityNumber, serials)
                    : opportunityService.close(t.opportunityNumber, SalesStatus.RENEW_BUYING_AS_IS));
        }).replaceWithVoid();
    }

    /**
     * The multi-user subscriptions named are retired and the single-user ones bought added to the contract, ending
     * with it; the opportunity is closed as a switch once nothing it lists is left in force.
     */
    private Uni<Void> tradeIn(OrderTransaction t) {
        List<String> serials = t.items.lines().stream().map(TransactionItem::serialNumber).toList();
        return opportunities.findByNumber(t.opportunityNumber).chain(opportunity -> {
            if (opportunity == null || opportunity.closedAt != null) {
                throw new OrderRejectedException("opportunity " + t.opportunityNumber + " is no longer open");
            }
            return contracts.findByNumber(t.contractNumber);
        }).chain(contract -> {
            if (contract == null || contract.contractEndDate.isBefore(today())
                    || !contract.contractEndDate.equals(t.contractEndDate)) {
                throw new OrderRejectedException("contract " + t.contractNumber + " no longer ends on "
                        + t.contractEndDate);
            }
            return inForce(serials);
        }).chain(named -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Subscription subscription : named) {
                if (!t.opportunityNumber.equals(subscription.opportunityNumber)) {
                    throw new OrderRejectedException("subscription " + subscription.serialNumber
                            + " is no longer up for renewal under opportunity " + t.opportunityNumber);
                }
                chain = chain.chain(() -> subscriptionService.retire(subscription.serialNumber).replaceWithVoid());
            }
            return chain;
        }).chain(() -> newSubscriptions(t, false))
                .chain(items -> contractService.addSubscriptions(t.contractNumber, items.subscriptions()))
                .chain(() -> subscriptions.ofOpportunity(t.opportunityNumber))
                .chain(listed -> !listed.isEmpty() ? Uni.createFrom().voidItem()
                        : opportunityService.close(t.opportunityNumber, SalesStatus.CHANGE_M2S_SWITCH).replaceWithVoid());
    }

    /** Each subscription named switches to the item's SKU, keeping its term and quantity; seats follow its pack size. */
    private Uni<Void> switchSkus(OrderTransaction t) {
        List<String> serials = t.items.lines().stream().map(TransactionItem::serialNumber).toList();
        List<String> skus = t.items.lines().stream().map(TransactionItem::sku).toList();
        return inForce(serials).chain(named -> articles.bySku(skus).chain(known -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TransactionItem item : t.items.lines()) {
                CatalogArticle article = known.get(item.sku());
                if (article == null) {
                    throw new OrderRejectedException("SKU " + item.sku() + " is no longer in the catalogue");
                }
                Deployment deployment = deployment(article.deployment());
                NewArticle target = new NewArticle(article.sku(), article.description(), null,
                        deployment == null ? Deployment.NA : deployment, item.packSize(),
                        new Prices(article.purPrice(), Map.of()));
                chain = chain.chain(() -> subscriptionService.replaceSku(item.serialNumber(), target).replaceWithVoid());
            }
            return chain;
        }));
    }

    /** The subscriptions with these serial numbers, each still in force; the order is rejected otherwise. */
    private Uni<List<Subscription>> inForce(List<String> serials) {
        Uni<List<Subscription>> named = Uni.createFrom().item(new ArrayList<>());
        for (String serial : serials) {
            named = named.chain(found -> subscriptions.findBySerial(serial).map(subscription -> {
                if (subscription == null || subscription.retiredAt != null || subscription.endDate.isBefore(today())) {
                    throw new OrderRejectedException("subscription " + serial + " is no longer in force");
                }
                found.add(subscription);
                return found;
            }));
        }
        return named;
    }

    /** More seats on each subscription named, once every one of them is still in force. */
    private Uni<Void> addSeats(OrderTransaction t) {
        return inForce(t.items.lines().stream().map(TransactionItem::serialNumber).toList()).chain(found -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TransactionItem item : t.items.lines()) {
                chain = chain.chain(() -> subscriptionService.addSeats(item.serialNumber(), item.quantity()).replaceWithVoid());
            }
            return chain;
        });
    }

    /**
     * The subscriptions the items make, with their articles' product details, and the contract type they share.
     * A new contract's subscriptions run its whole term, from its start even when that lies in the past; ones
     * added to a running contract start today (the contract service's default) and end with it. An order made
     * from an accepted private offer gives use of the offer's metered listing (every dimension of it), which is
     * what the customer's entitlement, and with it the usage metering accepts, is keyed by.
     */
    private Uni<NewItems> newSubscriptions(OrderTransaction t, boolean wholeContractTerm) {
        List<String> skus = t.items.lines().stream().map(TransactionItem::sku).toList();
        Uni<String> listing = t.offerId == null ? Uni.createFrom().nullItem() : offers.listingOf(t.offerId);
        return listing.chain(listingId -> articles.bySku(skus).map(known -> {
            List<NewSubscription> items = new ArrayList<>();
            String contractType = null;
            for (TransactionItem item : t.items.lines()) {
                CatalogArticle article = known.get(item.sku());
                Map<String, java.math.BigDecimal> unitPrices = article == null ? Map.of() : article.purPrice();
                NewSubscription subscription = NewSubscription.of(item.sku(), item.quantity(), item.packSize(),
                        new Prices(unitPrices, Map.of())).withProduct(article == null ? null : article.description(), null,
                                article == null ? null : deployment(article.deployment()), null);
                if (listingId != null) {
                    subscription = subscription.withListing(listingId, List.of());
                }
                items.add(wholeContractTerm ? subscription.withDates(t.contractStartDate, t.contractEndDate) : subscription);
                contractType = contractType != null || article == null ? contractType : article.contractType();
            }
            return new NewItems(items, contractType);
        }));
    }

    private static void recordSerialNumbers(OrderTransaction t, List<Subscription> made) {
        List<TransactionItem> lines = t.items.lines();
        List<TransactionItem> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TransactionItem line = lines.get(i);
            numbered.add(new TransactionItem(line.sku(), line.articleId(), line.quantity(), line.packSize(), line.price(),
                    made.get(i).serialNumber));
        }
        t.items = new OrderTransaction.Items(numbered);
    }

    private static ContractType contractType(String name) {
        try {
            return name == null ? ContractType.SUBSCRIPTION : ContractType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ContractType.SUBSCRIPTION; // a kind the contracts do not know is sold as a subscription
        }
    }

    private static Deployment deployment(String name) {
        try {
            return name == null ? null : Deployment.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Deployment.NA;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private record NewItems(List<NewSubscription> subscriptions, String contractType) {
    }
}
