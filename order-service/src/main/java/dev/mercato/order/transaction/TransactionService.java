package dev.mercato.order.transaction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.Account;
import dev.mercato.order.account.AccountRepository;
import dev.mercato.order.account.AccountStatus;
import dev.mercato.order.account.AccountType;
import dev.mercato.order.catalogmodel.CatalogArticle;
import dev.mercato.order.catalogmodel.CatalogArticles;
import dev.mercato.order.contract.Contract;
import dev.mercato.order.contract.ContractRepository;
import dev.mercato.order.opportunity.Opportunity;
import dev.mercato.order.opportunity.OpportunityRepository;
import dev.mercato.order.subscription.Deployment;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.TransactionChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import dev.mercato.platform.security.Caller;
import dev.mercato.pricing.Money;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Places orders: checks the payload's rules, then the business rules against the local read models only
 * (the customer among the caller's accounts, every SKU known, supporting the order type and orderable today,
 * and each confirmation price equal to what the pricing engine computes), and stores the transaction PENDING,
 * published on {@code orders.transactions} in the same database transaction. Processing takes it from there.
 */
@ApplicationScoped
public class TransactionService {

    /** The path attribute deciding who sees a transaction: its customer's, so the organizations above it do. */
    static final String VISIBLE_BY = "customerPath";

    private final Clock clock;
    private final TransactionRepository transactions;
    private final AccountRepository accounts;
    private final CatalogArticles articles;
    private final ContractRepository contracts;
    private final SubscriptionRepository subscriptions;
    private final OpportunityRepository opportunities;
    private final TransactionMapper mapper;
    private final Outbox outbox;
    private final TransactionConfig config;

    public TransactionService(TransactionRepository transactions, AccountRepository accounts, CatalogArticles articles,
            ContractRepository contracts, SubscriptionRepository subscriptions, OpportunityRepository opportunities,
            TransactionMapper mapper, Outbox outbox, TransactionConfig config, Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.accounts = accounts;
        this.articles = articles;
        this.contracts = contracts;
        this.subscriptions = subscriptions;
        this.opportunities = opportunities;
        this.mapper = mapper;
        this.outbox = outbox;
        this.config = config;
    }

    /** Validates and prices an order; stores and publishes it unless {@code dryRun}. */
    @WithTransaction
    public Uni<OrderTransaction> place(OrderType type, PlaceOrderRequest request, boolean dryRun, Caller caller) {
        caller.requireWriter();
        if ("TENANT".equals(caller.organizationKind()) && !config.directOrders()) {
            throw ApiException.forbidden("Customers order through their partner; direct orders are not enabled");
        }
        OrderRules.check(type, request);
        LocalDate orderDate = LocalDate.now(clock);
        return target(type, request, caller, orderDate)
                .chain(target -> accounts.findById(caller.organizationId()).chain(reseller -> priced(request)
                        .map(lines -> build(type, request, target, reseller, lines, orderDate, caller))))
                .chain(transaction -> dryRun ? Uni.createFrom().item(transaction) : store(transaction));
    }

    /** Runs a STUCK transaction again: it becomes PENDING in a new attempt and is published for processing. */
    @WithTransaction
    public Uni<OrderTransaction> retry(String id, Caller caller) {
        caller.requireWriter();
        return visible(id, caller).chain(transaction -> {
            if (transaction.status != TransactionStatus.STUCK) {
                throw ApiException.conflict("transaction " + id + " is " + transaction.status
                        + "; only a STUCK transaction can be retried");
            }
            transaction.status = TransactionStatus.PENDING;
            transaction.statusMessage = null;
            transaction.attempt++;
            return save(transaction);
        });
    }

    /** The transaction if the caller may see it; 404 otherwise. */
    public Uni<OrderTransaction> visible(String id, Caller caller) {
        return transactions.findVisible(id, caller.visibility(VISIBLE_BY))
                .onItem().ifNull().failWith(() -> ApiException.notFound("transaction", id));
    }

    /** Stamps the change, flushes (the version check) and publishes the new state. Needs a transaction. */
    Uni<OrderTransaction> save(OrderTransaction transaction) {
        transaction.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.flush().replaceWith(transaction).call(this::publish);
    }

    Uni<Void> publish(OrderTransaction transaction) {
        TransactionChangedV1 event = mapper.toEvent(transaction);
        return outbox.publish(Topics.ORDERS_TRANSACTIONS, transaction.id, TransactionChangedV1.TYPE, event).replaceWithVoid();
    }

    /** The customer, and for a change the contract and subscriptions it names, as the caller may order on them. */
    private Uni<OrderTarget> target(OrderType type, PlaceOrderRequest request, Caller caller, LocalDate orderDate) {
        return switch (type) {
            case INITIAL -> customer(request.customerCsn(), caller).map(OrderTarget::newContract);
            case ADD_PRODUCT -> contract(request.contractNumber(), caller, orderDate)
                    .chain(contract -> activeCustomer(contract).map(customer -> new OrderTarget(customer, contract, Map.of())));
            case ADD_SEAT -> contract(request.contractNumber(), caller, orderDate)
                    .chain(contract -> activeCustomer(contract).chain(customer -> namedSubscriptions(request, contract,
                            orderDate).map(named -> new OrderTarget(customer, contract, named))));
            case EXTEND -> contract(request.contractNumber(), caller, orderDate)
                    .chain(contract -> activeCustomer(contract)
                            .call(customer -> requireAlignedEndDate(contract, request.contractEndDate(), orderDate))
                            .chain(customer -> namedSubscriptions(request, contract, orderDate)
                                    .call(named -> requireWholeContract(contract, request, named, orderDate))
                                    .map(named -> new OrderTarget(customer, contract, named))));
            case RENEWAL -> opportunity(request.opportunityNumber(), caller, orderDate)
                    .chain(opportunity -> contracts.findByNumber(opportunity.contractNumber).chain(contract ->
                            activeCustomer(contract, "opportunityNumber").chain(customer -> namedSubscriptions(request,
                                    contract, orderDate)
                                    .call(named -> requireRenewable(opportunity, request, named))
                                    .map(named -> new OrderTarget(customer, contract, named)))));
            case S2S -> contract(request.contractNumber(), caller, orderDate)
                    .chain(contract -> activeCustomer(contract).chain(customer -> namedSubscriptions(request, contract,
                            orderDate, false).call(named -> requireSwitchTargets(request, named))
                            .map(named -> new OrderTarget(customer, contract, named))));
            case MULTI_USER_TRADE_IN -> contract(request.contractNumber(), caller, orderDate)
                    .chain(contract -> activeCustomer(contract).chain(customer -> {
                        if (!contract.contractEndDate.equals(request.contractEndDate())) {
                            throw OrderRules.unprocessable("contractEndDate", "must be the end date of contract "
                                    + contract.contractNumber + ", " + contract.contractEndDate
                                    + ": the single-user subscriptions are aligned to it");
                        }
                        return opportunity(request.opportunityNumber(), caller, orderDate)
                                .chain(opportunity -> tradedIn(request, contract, opportunity, orderDate))
                                .map(named -> new OrderTarget(customer, contract, named));
                    }));
        };
    }

    private Uni<Contract> contract(String number, Caller caller, LocalDate orderDate) {
        return contracts.findByNumber(number).map(contract -> {
            if (contract == null || !caller.canSee(contract.customer.path)) {
                throw OrderRules.unprocessable("contractNumber", "no contract " + number + " is among your customers'");
            }
            if (contract.contractEndDate.isBefore(orderDate)) {
                throw OrderRules.unprocessable("contractNumber", "contract " + number + " ended on "
                        + contract.contractEndDate + "; only an active contract can be changed");
            }
            return contract;
        });
    }

    /** An open opportunity of a customer in the caller's part of the tree, whose subscriptions have not ended. */
    private Uni<Opportunity> opportunity(String number, Caller caller, LocalDate orderDate) {
        return opportunities.findByNumber(number).map(opportunity -> {
            if (opportunity == null || !caller.canSee(opportunity.customer.path)) {
                throw OrderRules.unprocessable("opportunityNumber", "no opportunity " + number
                        + " is among your customers'");
            }
            if (opportunity.closedAt != null) {
                throw OrderRules.unprocessable("opportunityNumber", "opportunity " + number + " was closed at "
                        + opportunity.closedAt + " (" + opportunity.salesStatus + "); it cannot be renewed again");
            }
            if (opportunity.subscriptionEndDate.isBefore(orderDate)) {
                throw OrderRules.unprocessable("opportunityNumber", "opportunity " + number + " expired: its "
                        + "subscriptions ended on " + opportunity.subscriptionEndDate);
            }
            return opportunity;
        });
    }

    /**
     * A renewal renews subscriptions the opportunity lists, each with its whole quantity: all of them, or with
     * {@code partialRenewal} some and not all (the rest stay open for renewal).
     */
    private Uni<Void> requireRenewable(Opportunity opportunity, PlaceOrderRequest request,
            Map<String, Subscription> named) {
        for (int i = 0; i < request.items().size(); i++) {
            OrderItemRequest item = request.items().get(i);
            Subscription subscription = named.get(item.serialNumber());
            if (!opportunity.opportunityNumber.equals(subscription.opportunityNumber)) {
                throw OrderRules.unprocessable("items[" + i + "].serialNumber", "subscription " + item.serialNumber()
                        + " is not up for renewal under opportunity " + opportunity.opportunityNumber);
            }
            if (item.quantity() != subscription.quantity) {
                throw OrderRules.unprocessable("items[" + i + "].quantity", "must be the quantity of subscription "
                        + item.serialNumber() + ", " + subscription.quantity + ": a renewal renews all of it");
            }
        }
        return subscriptions.ofOpportunity(opportunity.opportunityNumber).map(listed -> {
            List<String> missing = listed.stream().filter(subscription -> subscription.retiredAt == null)
                    .map(subscription -> subscription.serialNumber)
                    .filter(serial -> !named.containsKey(serial)).toList();
            boolean partial = Boolean.TRUE.equals(request.partialRenewal());
            if (!partial && !missing.isEmpty()) {
                throw OrderRules.unprocessable("items", "must list every subscription of opportunity "
                        + opportunity.opportunityNumber + " (missing " + String.join(", ", missing)
                        + "), or set partialRenewal to renew only some");
            }
            if (partial && missing.isEmpty()) {
                throw OrderRules.unprocessable("partialRenewal", "the items renew every subscription of opportunity "
                        + opportunity.opportunityNumber + "; that is a full renewal");
            }
            return null;
        });
    }

    /**
     * A switch moves a whole subscription to a SKU its article links name for S2S; the refusal names the SKUs that
     * would do.
     */
    private Uni<Void> requireSwitchTargets(PlaceOrderRequest request, Map<String, Subscription> named) {
        Set<String> current = new LinkedHashSet<>();
        named.values().forEach(subscription -> current.add(subscription.renewalSku));
        return articles.links(current, OrderType.S2S.name()).map(links -> {
            for (int i = 0; i < request.items().size(); i++) {
                OrderItemRequest item = request.items().get(i);
                Subscription subscription = named.get(item.serialNumber());
                Set<String> targets = links.getOrDefault(subscription.renewalSku, Set.of());
                if (!targets.contains(item.sku())) {
                    throw OrderRules.unprocessable("items[" + i + "].sku", "subscription " + item.serialNumber()
                            + " of SKU " + subscription.renewalSku + " cannot switch to " + item.sku()
                            + (targets.isEmpty() ? "; its article names no S2S switch"
                                    : "; it can switch to " + String.join(", ", targets)));
                }
                if (item.quantity() != subscription.quantity) {
                    throw OrderRules.unprocessable("items[" + i + "].quantity", "must be the quantity of subscription "
                            + item.serialNumber() + ", " + subscription.quantity + ": a switch moves all of it");
                }
            }
            return null;
        });
    }

    /**
     * The multi-user subscriptions a trade-in names: listed on the opportunity (of the contract's customer), in
     * force and multi-user.
     */
    private Uni<Map<String, Subscription>> tradedIn(PlaceOrderRequest request, Contract contract,
            Opportunity opportunity, LocalDate orderDate) {
        if (!opportunity.customer.id.equals(contract.customer.id)) {
            throw OrderRules.unprocessable("opportunityNumber", "opportunity " + opportunity.opportunityNumber
                    + " is not of the customer of contract " + contract.contractNumber);
        }
        Uni<Map<String, Subscription>> chain = Uni.createFrom().item(new HashMap<>());
        for (int i = 0; i < request.items().size(); i++) {
            OrderItemRequest item = request.items().get(i);
            String field = "items[" + i + "].serialNumber";
            chain = chain.chain(named -> subscriptions.findBySerial(item.serialNumber()).map(subscription -> {
                if (subscription == null || !opportunity.opportunityNumber.equals(subscription.opportunityNumber)) {
                    throw OrderRules.unprocessable(field, "no subscription " + item.serialNumber()
                            + " is up for renewal under opportunity " + opportunity.opportunityNumber);
                }
                if (subscription.retiredAt != null || subscription.endDate.isBefore(orderDate)) {
                    throw OrderRules.unprocessable(field, "subscription " + item.serialNumber()
                            + " is no longer in force");
                }
                if (subscription.deployment != Deployment.MULTI_USER) {
                    throw OrderRules.unprocessable(field, "subscription " + item.serialNumber() + " is "
                            + subscription.deployment + "; only MULTI_USER subscriptions are traded in");
                }
                if (named.put(subscription.serialNumber, subscription) != null) {
                    throw OrderRules.unprocessable(field, "subscription " + item.serialNumber()
                            + " is traded in once; it is named twice");
                }
                return named;
            }));
        }
        return chain;
    }

    /**
     * A trade-in line buys a single-user article for two seats per multi-user seat of the subscription it trades
     * in (2:1).
     */
    private static void requireTradeIn(CatalogArticle article, OrderItemRequest item, Subscription tradedIn,
            String field) {
        if (!Deployment.SINGLE_USER.name().equals(article.deployment())) {
            throw OrderRules.unprocessable(field + ".sku", "SKU " + article.sku() + " is " + article.deployment()
                    + "; a trade-in buys a SINGLE_USER article");
        }
        int seats = 2 * tradedIn.seats;
        if ((long) item.quantity() * article.packSize() != seats) {
            throw OrderRules.unprocessable(field + ".quantity", "must buy " + seats + " seats (2 for each of the "
                    + tradedIn.seats + " seats of subscription " + tradedIn.serialNumber + "): quantity "
                    + (seats % article.packSize() == 0 ? String.valueOf(seats / article.packSize())
                            : "cannot make that with pack size " + article.packSize()));
        }
    }

    /**
     * An extension must end the contract when another active contract of the same customer ends (co-terming),
     * later than it ends now; the refusal lists the dates that would do.
     */
    private Uni<Void> requireAlignedEndDate(Contract contract, LocalDate endDate, LocalDate orderDate) {
        return contracts.list("customer.id = ?1 and contractNumber <> ?2 and contractEndDate > ?3 order by contractEndDate",
                contract.customer.id, contract.contractNumber, contract.contractEndDate.isBefore(orderDate) ? orderDate
                        : contract.contractEndDate)
                .map(others -> {
                    List<LocalDate> dates = others.stream().map(other -> other.contractEndDate).distinct().toList();
                    if (!dates.contains(endDate)) {
                        throw OrderRules.unprocessable("contractEndDate", "must be the end date of another contract of "
                                + "the customer, later than " + contract.contractEndDate + (dates.isEmpty() ? "; there is none"
                                        : ": one of " + dates.stream().map(LocalDate::toString)
                                                .collect(java.util.stream.Collectors.joining(", "))));
                    }
                    return null;
                });
    }

    /**
     * An extension moves every subscription in force, so the order must list (and pay for) each of them, with its
     * whole quantity.
     */
    private Uni<Void> requireWholeContract(Contract contract, PlaceOrderRequest request, Map<String, Subscription> named,
            LocalDate orderDate) {
        for (int i = 0; i < request.items().size(); i++) {
            OrderItemRequest item = request.items().get(i);
            int quantity = named.get(item.serialNumber()).quantity;
            if (item.quantity() != quantity) {
                throw OrderRules.unprocessable("items[" + i + "].quantity", "must be the quantity of subscription "
                        + item.serialNumber() + ", " + quantity + ": an extension moves all of it");
            }
        }
        return subscriptions.ofContract(contract.id).map(all -> {
            List<String> missing = all.stream()
                    .filter(subscription -> subscription.retiredAt == null && !subscription.endDate.isBefore(orderDate))
                    .map(subscription -> subscription.serialNumber)
                    .filter(serial -> !named.containsKey(serial))
                    .toList();
            if (!missing.isEmpty()) {
                throw OrderRules.unprocessable("items", "must list every subscription in force in contract "
                        + contract.contractNumber + "; missing " + String.join(", ", missing));
            }
            return null;
        });
    }

    private Uni<Account> activeCustomer(Contract contract) {
        return activeCustomer(contract, "contractNumber");
    }

    /** The contract's customer if ACTIVE; else 422 on {@code field}, the order's field that led to the contract. */
    private Uni<Account> activeCustomer(Contract contract, String field) {
        return accounts.findById(contract.customer.id).map(customer -> {
            if (customer == null || customer.status != AccountStatus.ACTIVE) {
                throw OrderRules.unprocessable(field, "the customer of contract " + contract.contractNumber
                        + " is not ACTIVE");
            }
            return customer;
        });
    }

    private Uni<Map<String, Subscription>> namedSubscriptions(PlaceOrderRequest request, Contract contract,
            LocalDate orderDate) {
        return namedSubscriptions(request, contract, orderDate, true);
    }

    /**
     * The subscriptions the items name, each in the contract, in force on the order date and, when
     * {@code ofItemSku}, of the item's SKU (a switch names the SKU it switches to instead).
     */
    private Uni<Map<String, Subscription>> namedSubscriptions(PlaceOrderRequest request, Contract contract,
            LocalDate orderDate, boolean ofItemSku) {
        Uni<Map<String, Subscription>> chain = Uni.createFrom().item(new HashMap<>());
        for (int i = 0; i < request.items().size(); i++) {
            OrderItemRequest item = request.items().get(i);
            String field = "items[" + i + "]";
            chain = chain.chain(named -> subscriptions.findBySerial(item.serialNumber()).map(subscription -> {
                if (subscription == null || !subscription.contractId.equals(contract.id)) {
                    throw OrderRules.unprocessable(field + ".serialNumber", "no subscription " + item.serialNumber()
                            + " is in contract " + contract.contractNumber);
                }
                if (ofItemSku && !subscription.renewalSku.equals(item.sku())) {
                    throw OrderRules.unprocessable(field + ".sku", "subscription " + item.serialNumber() + " is of SKU "
                            + subscription.renewalSku + ", not " + item.sku());
                }
                if (subscription.retiredAt != null || subscription.endDate.isBefore(orderDate)) {
                    throw OrderRules.unprocessable(field + ".serialNumber", "subscription " + item.serialNumber()
                            + " is no longer in force");
                }
                named.put(subscription.serialNumber, subscription);
                return named;
            }));
        }
        return chain;
    }

    private Uni<Account> customer(String csn, Caller caller) {
        Visibility visibility = caller.visibility("path");
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        parameters.put("csn", csn);
        parameters.put("type", AccountType.END_CUSTOMER);
        String condition = visibility.condition().isEmpty() ? "" : " and (" + visibility.condition() + ")";
        return UniqueLookups.oneOrNull(accounts.find("csn = :csn and accountType = :type" + condition, parameters))
                .map(customer -> {
                    if (customer == null) {
                        throw OrderRules.unprocessable("customerCsn", "no customer with CSN " + csn + " is among yours");
                    }
                    if (customer.status != AccountStatus.ACTIVE) {
                        throw OrderRules.unprocessable("customerCsn", "customer " + csn + " is " + customer.status
                                + "; orders need an ACTIVE customer");
                    }
                    return customer;
                });
    }

    /** The order's lines with their articles, once every SKU is known. */
    private Uni<List<Line>> priced(PlaceOrderRequest request) {
        Set<String> skus = new LinkedHashSet<>();
        request.items().forEach(item -> skus.add(item.sku()));
        return articles.bySku(skus).map(known -> {
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < request.items().size(); i++) {
                OrderItemRequest item = request.items().get(i);
                CatalogArticle article = known.get(item.sku());
                if (article == null) {
                    throw OrderRules.unprocessable("items[" + i + "].sku", "no article has SKU " + item.sku());
                }
                lines.add(new Line(i, item, article));
            }
            return lines;
        });
    }

    private OrderTransaction build(OrderType type, PlaceOrderRequest request, OrderTarget target, Account reseller,
            List<Line> lines, LocalDate orderDate, Caller caller) {
        Account customer = target.customer();
        String currency = customer.currency.toLowerCase(java.util.Locale.ROOT);
        List<TransactionItem> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        Integer term = null;
        for (Line line : lines) {
            CatalogArticle article = line.article();
            String field = "items[" + line.index() + "]";
            if (!article.supports(type.name())) {
                throw OrderRules.unprocessable(field + ".sku", "SKU " + article.sku() + " cannot be ordered in "
                        + type + " orders; it supports " + article.supportedOrderTypes().replace(",", ", "));
            }
            if (!article.orderableOn(orderDate)) {
                throw OrderRules.unprocessable(field + ".sku", "SKU " + article.sku() + " can be ordered "
                        + article.window() + ", not on " + orderDate);
            }
            if (type == OrderType.INITIAL) {
                term = sharedTerm(article, term, field);
            }
            if (type == OrderType.MULTI_USER_TRADE_IN) {
                requireTradeIn(article, line.item(), target.subscriptions().get(line.item().serialNumber()), field);
            }
            Proration proration = proration(type, target, line.item(), request, orderDate);
            Money price = expectedPrice(article, line.item().quantity(), currency, proration, field);
            if (!sameAmount(line.item().price(), price)) {
                throw OrderRules.unprocessable(field + ".price", "is " + line.item().price().toPlainString()
                        + " but " + line.item().quantity() + " × SKU " + article.sku() + " costs "
                        + price.amount().toPlainString() + " " + currency
                        + proration.words()
                        + "; send price " + price.amount().toPlainString());
            }
            items.add(new TransactionItem(article.sku(), article.id(), line.item().quantity(), article.packSize(),
                    price.amount(), line.item().serialNumber()));
            total = total.add(price.amount());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderTransaction t = new OrderTransaction();
        t.status = TransactionStatus.PENDING;
        t.orderType = type;
        t.resellerId = caller.organizationId();
        t.resellerCsn = reseller == null ? null : reseller.csn;
        t.resellerName = reseller == null ? null : reseller.name;
        t.resellerSiteId = request.resellerSiteId();
        t.distributorCsn = request.distributorCsn();
        t.currency = currency;
        t.customerId = customer.id;
        t.customerPath = customer.path;
        t.customerCsn = customer.csn;
        t.customerName = type == OrderType.INITIAL ? request.customerName() : customer.name;
        t.customerAddressLine1 = request.customerAddressLine1();
        t.customerAddressLine2 = request.customerAddressLine2();
        t.customerAddressLine3 = request.customerAddressLine3();
        t.customerCity = request.customerCity();
        t.customerPostal = request.customerPostal();
        t.customerCountry = request.customerCountry();
        t.contactFirstName = request.contactFirstName();
        t.contactLastName = request.contactLastName();
        t.contactEmail = request.contactEmail();
        t.contactLanguage = request.contactLanguage();
        t.contactCountryCode = request.contactCountryCode();
        t.accountAdminEmail = request.accountAdminEmail();
        t.opportunityNumber = request.opportunityNumber();
        t.contractNumber = target.contract() == null ? request.contractNumber() : target.contract().contractNumber;
        if (target.contract() == null) {
            // The last day of the term: a 12-month contract from 1 December ends on 30 November.
            t.contractStartDate = request.contractStartDate() != null ? request.contractStartDate() : orderDate;
            t.contractTerm = term;
            t.contractEndDate = t.contractStartDate.plusMonths(term).minusDays(1);
        } else {
            t.contractStartDate = target.contract().contractStartDate;
            t.contractTerm = target.contract().contractTerm;
            t.contractEndDate = switch (type) {
                case EXTEND -> request.contractEndDate();
                case RENEWAL -> renewedUntil(target);
                default -> target.contract().contractEndDate;
            };
        }
        t.partialRenewal = Boolean.TRUE.equals(request.partialRenewal());
        t.quantity = items.stream().mapToInt(TransactionItem::quantity).sum();
        t.price = total;
        t.userId = caller.subject();
        t.deliveryDate = request.deliveryDate();
        t.purchaseOrderNumber = request.purchaseOrderNumber();
        t.items = new OrderTransaction.Items(List.copyOf(items));
        t.attempt = 1;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    private Uni<OrderTransaction> store(OrderTransaction transaction) {
        transaction.id = Ids.next("trx");
        return transactions.persist(transaction).call(transactions::flush).call(this::publish);
    }

    /**
     * The end of a renewal's new term: one contract term after the day the renewed subscriptions (which share an
     * end date, that of their opportunity) end, its last day inclusive.
     */
    private static LocalDate renewedUntil(OrderTarget target) {
        LocalDate ends = target.subscriptions().values().iterator().next().endDate;
        return ends.plusDays(1).plusMonths(target.contract().contractTerm).minusDays(1);
    }

    /** A new contract's term: the article's, the same for every item. */
    private static Integer sharedTerm(CatalogArticle article, Integer term, String field) {
        if (article.contractTerm() == null) {
            throw OrderRules.unprocessable(field + ".sku", "SKU " + article.sku() + " has no contract term to start a contract with");
        }
        if (term != null && !term.equals(article.contractTerm())) {
            throw OrderRules.unprocessable(field + ".sku", "SKU " + article.sku() + " has a " + article.contractTerm()
                    + "-month term; the order's other items have " + term + " months, and a contract has one term");
        }
        return article.contractTerm();
    }

    /**
     * The share of a line's full price charged ({@link Proration#NONE} for a new term): new products in a running
     * contract pay for the rest of the contract, added seats for the rest of their subscription, an extension for
     * the days it adds, as a share of the contract's term.
     */
    private static Proration proration(OrderType type, OrderTarget target, OrderItemRequest item,
            PlaceOrderRequest request, LocalDate orderDate) {
        return switch (type) {
            case ADD_PRODUCT, MULTI_USER_TRADE_IN -> Proration.restOfTerm(target.contract().contractStartDate,
                    target.contract().contractEndDate, orderDate);
            case ADD_SEAT, S2S -> {
                Subscription subscription = target.subscriptions().get(item.serialNumber());
                yield Proration.restOfTerm(subscription.startDate, subscription.endDate, orderDate);
            }
            case EXTEND -> Proration.extension(target.contract().contractStartDate, target.contract().contractTerm,
                    target.contract().contractEndDate, request.contractEndDate());
            default -> Proration.NONE;
        };
    }

    /** The SKU's purchase price × quantity in the customer's currency, times the prorated share, rounded to its minor unit. */
    private static Money expectedPrice(CatalogArticle article, int quantity, String currency, Proration proration,
            String field) {
        BigDecimal unitPrice = article.purPrice().get(currency);
        if (unitPrice == null) {
            throw OrderRules.unprocessable(field + ".sku", "SKU " + article.sku() + " has no price in " + currency
                    + ", the customer's currency");
        }
        return proration.price(unitPrice, quantity, currency);
    }

    /** Equal to the minor unit: 47, 47.0 and 47.00 confirm 47.00; 47.001 confirms nothing. */
    private static boolean sameAmount(BigDecimal given, Money expected) {
        return given.stripTrailingZeros().scale() <= expected.minorUnits() && given.compareTo(expected.amount()) == 0;
    }

    private record Line(int index, OrderItemRequest item, CatalogArticle article) {
    }
}
