package dev.mercato.order.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.Rows;
import dev.mercato.order.account.Account;
import dev.mercato.order.account.AccountRepository;
import dev.mercato.order.account.AccountType;
import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.account.SalesChannel;
import dev.mercato.order.contact.ContactRole;
import dev.mercato.order.contact.ContactService;
import dev.mercato.order.subscription.NewSubscription;
import dev.mercato.order.subscription.Prices;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionChanges;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.order.team.TeamService;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.id.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Makes and changes contracts for transaction processing. Each method runs in the caller's transaction when
 * there is one (else its own) and publishes, through the outbox, every subscription it touched, the
 * contract, and whatever follows (opportunity, entitlements).
 */
@ApplicationScoped
public class ContractService {

    private final ContractRepository contracts;
    private final SubscriptionRepository subscriptions;
    private final AccountRepository accounts;
    private final ContractSnapshots snapshots;
    private final SubscriptionChanges changes;
    private final ContactService contacts;
    private final TeamService teams;
    private final Clock clock;

    public ContractService(ContractRepository contracts, SubscriptionRepository subscriptions,
            AccountRepository accounts, ContractSnapshots snapshots, SubscriptionChanges changes,
            ContactService contacts, TeamService teams, Clock clock) {
        this.clock = clock;
        this.contracts = contracts;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.snapshots = snapshots;
        this.changes = changes;
        this.contacts = contacts;
        this.teams = teams;
    }

    /**
     * A new contract for {@code customer} with one subscription per item, each with a new serial number.
     * The reseller and distributor are the accounts above the customer; the contract manager and each
     * item's primary admin are recorded as contacts, each item's team found or made.
     */
    @WithTransaction
    public Uni<ContractCreated> createWithSubscriptions(Account customer, NewContract terms,
            List<NewSubscription> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a contract is made with at least one subscription");
        }
        Instant now = clock.instant();
        return channelOf(customer).chain(channel -> contracts.nextNumber().chain(number -> {
            Contract contract = new Contract();
            contract.id = Ids.next("ctr");
            contract.contractNumber = number;
            contract.customer = CustomerRef.of(customer);
            contract.channel = channel;
            contract.contractStartDate = terms.contractStartDate();
            contract.contractEndDate = terms.contractEndDate();
            contract.endDateSetOn = LocalDate.now(clock);
            contract.contractTerm = terms.contractTerm();
            contract.contractRenewalCounter = 0;
            contract.contractType = terms.contractType();
            contract.contractManager = terms.contractManagerEmail() == null ? null
                    : ContractManager.of(terms.contractManagerEmail(), terms.contractManagerFirstName(),
                            terms.contractManagerLastName(), terms.contractManagerPhone());
            contract.itemSet = new Contract.Items(List.of());
            contract.prices = Prices.NONE;
            contract.createdAt = now;
            contract.lastUpdated = now;
            Uni<?> manager = contract.contractManager == null ? Uni.createFrom().voidItem()
                    : contacts.record(contract.customer, terms.contractManagerEmail(), terms.contractManagerFirstName(),
                            terms.contractManagerLastName(), terms.contractManagerPhone(), ContactRole.CONTRACT_MANAGER,
                            now);
            return contracts.persist(contract)
                    .chain(() -> manager)
                    .chain(() -> subscribe(contract, items, contract.contractStartDate, now))
                    .chain(created -> changes.published(created, Set.of(contract.id), Map.of())
                            .replaceWith(new ContractCreated(contract, created)));
        }));
    }

    /**
     * New subscriptions in contract {@code contractNumber}; an item without dates starts today (or at the
     * contract's start, if later) and ends with the contract (co-termed).
     */
    @WithTransaction
    public Uni<List<Subscription>> addSubscriptions(String contractNumber, List<NewSubscription> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("add at least one subscription");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return existing(contractNumber)
                .chain(contract -> subscribe(contract, items,
                        today.isAfter(contract.contractStartDate) ? today : contract.contractStartDate, now))
                .call(created -> changes.published(created));
    }

    /**
     * Moves contract {@code contractNumber}'s end date (an extension, a renewal), and with it the end date of
     * every subscription still in force; expiry notices start afresh for the new date.
     */
    @WithTransaction
    public Uni<Contract> changeEndDate(String contractNumber, LocalDate endDate) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return existing(contractNumber).chain(contract -> {
            if (endDate.isBefore(contract.contractStartDate)) {
                throw new IllegalArgumentException("contract " + contractNumber + " cannot end before it starts ("
                        + contract.contractStartDate + ")");
            }
            contract.contractEndDate = endDate;
            contract.endDateSetOn = today;
            contract.lastUpdated = now;
            return subscriptions.ofContract(contract.id).chain(all -> {
                for (Subscription subscription : all) {
                    subscription.contractEndDate = endDate;
                    if (subscription.retiredAt == null && !subscription.endDate.isBefore(today)
                            && !endDate.isBefore(subscription.startDate)) {
                        subscription.endDate = endDate;
                    }
                    subscription.lastUpdated = now;
                }
                return changes.published(all, Set.of(contract.id), Map.of());
            }).replaceWith(contract);
        });
    }

    /**
     * Renews {@code serialNumbers} of contract {@code contractNumber} to {@code endDate} (a renewal order, full or
     * partial): their end dates move there, the contract's renewal counter grows by one and its end date moves
     * there too when it is later. Each serial number must be a subscription in force of this contract.
     */
    @WithTransaction
    public Uni<Contract> renew(String contractNumber, Collection<String> serialNumbers, LocalDate endDate) {
        if (serialNumbers.isEmpty()) {
            throw new IllegalArgumentException("renew at least one subscription");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return existing(contractNumber).chain(contract -> subscriptions.ofContract(contract.id).chain(all -> {
            Set<String> renewed = new HashSet<>(serialNumbers);
            all.stream().filter(s -> renewed.contains(s.serialNumber)).forEach(subscription -> {
                if (subscription.retiredAt != null || endDate.isBefore(subscription.endDate)) {
                    throw ApiException.conflict("subscription " + subscription.serialNumber + " cannot be renewed to "
                            + endDate + ": it is retired or already ends later");
                }
                subscription.endDate = endDate;
                renewed.remove(subscription.serialNumber);
            });
            if (!renewed.isEmpty()) {
                throw ApiException.notFound("subscription of contract " + contractNumber, String.join(", ", renewed));
            }
            contract.contractRenewalCounter++;
            if (endDate.isAfter(contract.contractEndDate)) {
                contract.contractEndDate = endDate;
                contract.endDateSetOn = today;
            }
            contract.lastUpdated = now;
            all.forEach(subscription -> {
                subscription.contractEndDate = contract.contractEndDate;
                subscription.lastUpdated = now;
            });
            return changes.published(all, Set.of(contract.id), Map.of()).replaceWith(contract);
        }));
    }

    /**
     * The end dates contract {@code contractNumber} may be extended to (the co-term rule): the end dates of the
     * customer's other contracts that are still running and end later than this one, earliest first.
     */
    public Uni<List<LocalDate>> cotermDates(String contractNumber) {
        LocalDate today = LocalDate.now(clock);
        return existing(contractNumber).chain(contract -> contracts.getSession().chain(session -> session
                .createSelectionQuery("""
                        select distinct c.contractEndDate from Contract c
                        where c.customer.id = :customer and c.id <> :contract
                          and c.contractEndDate > :end and c.contractEndDate >= :today
                        order by c.contractEndDate""", LocalDate.class)
                .setParameter("customer", contract.customer.id)
                .setParameter("contract", contract.id)
                .setParameter("end", contract.contractEndDate)
                .setParameter("today", today)
                .getResultList()));
    }

    /** The contract with this number; 404 when there is none. */
    public Uni<Contract> existing(String contractNumber) {
        return contracts.findByNumber(contractNumber)
                .onItem().ifNull().failWith(() -> ApiException.notFound("contract", contractNumber));
    }

    /** Subscriptions of {@code items} in {@code contract}; an item without dates runs from {@code start} to the contract's end. */
    private Uni<List<Subscription>> subscribe(Contract contract, List<NewSubscription> items, LocalDate start,
            Instant now) {
        LocalDate today = LocalDate.now(clock);
        List<Subscription> created = new ArrayList<>();
        return Rows.each(items, item -> subscriptions.nextSerialNumber().chain(serial -> {
            Subscription subscription = new Subscription();
            subscription.id = Ids.next("sub");
            subscription.serialNumber = serial;
            subscription.contractId = contract.id;
            subscription.contractNumber = contract.contractNumber;
            subscription.contractStartDate = contract.contractStartDate;
            subscription.contractEndDate = contract.contractEndDate;
            subscription.contractTerm = contract.contractTerm;
            subscription.contractType = contract.contractType;
            subscription.customer = contract.customer.copy();
            subscription.channel = contract.channel.copy();
            subscription.contractManager = contract.contractManager == null ? null : contract.contractManager.copy();
            subscription.startDate = item.startDate() != null ? item.startDate() : start;
            subscription.endDate = item.endDate() != null ? item.endDate() : contract.contractEndDate;
            if (subscription.endDate.isBefore(subscription.startDate)) {
                throw new IllegalArgumentException("subscription of " + item.renewalSku() + " would end ("
                        + subscription.endDate + ") before it starts (" + subscription.startDate + ")");
            }
            subscription.renewalSku = item.renewalSku();
            subscription.description = item.description();
            subscription.productLineCode = item.productLineCode();
            subscription.deployment = item.deployment();
            subscription.activationType = item.activationType();
            subscription.quantity = item.quantity();
            subscription.packSize = item.packSize();
            subscription.seats = Math.multiplyExact(item.quantity(), item.packSize());
            subscription.prices = item.prices();
            subscription.listingId = item.listingId();
            subscription.dimensionSet = new Subscription.Dimensions(item.dimensions());
            subscription.primaryAdminEmail = item.primaryAdminEmail();
            subscription.primaryAdminFirstName = item.primaryAdminFirstName();
            subscription.primaryAdminLastName = item.primaryAdminLastName();
            subscription.status = subscription.statusOn(today);
            subscription.createdAt = now;
            subscription.lastUpdated = now;
            created.add(subscription);
            return joinTeam(subscription, item, now)
                    .chain(() -> recordAdmin(subscription, now))
                    .chain(() -> subscriptions.persist(subscription));
        })).replaceWith(created);
    }

    private Uni<Void> joinTeam(Subscription subscription, NewSubscription item, Instant now) {
        if (item.teamName() == null) {
            return Uni.createFrom().voidItem();
        }
        return teams.findOrCreate(subscription.customer, item.teamName(), item.primaryAdminEmail(),
                item.primaryAdminFirstName(), item.primaryAdminLastName(), now).invoke(team -> {
                    subscription.teamId = team.id;
                    subscription.teamName = team.name;
                }).replaceWithVoid();
    }

    private Uni<Void> recordAdmin(Subscription subscription, Instant now) {
        if (subscription.primaryAdminEmail == null) {
            return Uni.createFrom().voidItem();
        }
        return contacts.record(subscription.customer, subscription.primaryAdminEmail, subscription.primaryAdminFirstName,
                subscription.primaryAdminLastName, null, ContactRole.PRIMARY_TEAM_ADMIN, now).replaceWithVoid();
    }

    /** The customer's channel: the reseller (partner) above it and the distributor above that, when there are. */
    private Uni<SalesChannel> channelOf(Account customer) {
        return parentOf(customer, AccountType.VAR).chain(reseller -> parentOf(reseller, AccountType.VAD)
                .map(distributor -> SalesChannel.of(customer, reseller, distributor)));
    }

    private Uni<Account> parentOf(Account account, AccountType type) {
        if (account == null || account.parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return accounts.findById(account.parentId).map(parent -> parent != null && parent.accountType == type ? parent : null);
    }
}
