package dev.mercato.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ListQuery;
import dev.mercato.console.billing.BillingApi;
import dev.mercato.console.catalog.CatalogApi;
import dev.mercato.console.identity.IdentityApi;
import dev.mercato.console.identity.OrganizationKind;
import dev.mercato.console.metering.Balances;
import dev.mercato.console.metering.MeteringApi;
import dev.mercato.console.metering.UsageRow;
import dev.mercato.console.order.OrderApi;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;

/**
 * The home page's cards, each loaded on its own from one service's API with the signed-in user's token
 * ({@link HomeCard}): a card whose service is down or refuses says so, and the others still show. "Today" and "this
 * month" are given by the page, from the console's clock in UTC.
 */
@ApplicationScoped
public class HomeCards {

    /** How many rows a card lists; its count and link lead to the rest. */
    static final int FEW = 5;
    /** How far ahead a contract's end counts as a renewal due. */
    static final int RENEWAL_DAYS = 90;
    /** The private offers' statuses, in the order an offer goes through them. */
    static final List<String> OFFER_STATUSES = List.of("DRAFT", "SENT", "ACCEPTED", "DECLINED", "EXPIRED", "CANCELLED");

    private final IdentityApi identity;
    private final OrderApi orders;
    private final BillingApi billing;
    private final MeteringApi metering;
    private final CatalogApi catalog;

    public HomeCards(IdentityApi identity, OrderApi orders, BillingApi billing, MeteringApi metering,
            CatalogApi catalog) {
        this.identity = identity;
        this.orders = orders;
        this.billing = billing;
        this.metering = metering;
        this.catalog = catalog;
    }

    /**
     * How many organizations of each kind in {@code kinds} the user sees, of the kinds its scopes may read, each labelled
     * with the kind and {@code where} they are; no card (null) when it may read none.
     */
    Uni<HomeView.Counts> organizationCounts(Session session, List<OrganizationKind> kinds, String where) {
        List<Uni<HomeView.Count>> counts = kinds.stream()
                .filter(kind -> session.claims().may(kind.readScope()))
                .map(kind -> identity.visibleCount(session, kind).map(total -> new HomeView.Count(
                        kind.label().toLowerCase(java.util.Locale.ROOT) + where, total,
                        "/organizations/" + kind.collection())))
                .toList();
        if (counts.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return HomeCard.load(joined(counts).map(found -> new HomeView.Counts(found, null)), HomeView.Counts::unavailable);
    }

    /** The latest transactions, newest first. */
    Uni<HomeView.Transactions> latestTransactions(Session session) {
        return HomeCard.load(orders.transactions(session, ListQuery.page(1, FEW).sort("-creationDate").on(""))
                .map(page -> new HomeView.Transactions(page.items(), null)), HomeView.Transactions::unavailable);
    }

    /** The latest {@code count} invoices, newest first. */
    Uni<HomeView.Invoices> latestInvoices(Session session, int count) {
        return HomeCard.load(billing.invoices(session, ListQuery.page(1, count).sort("-createdAt").on(""))
                .map(page -> new HomeView.Invoices(page.items(), null)), HomeView.Invoices::unavailable);
    }

    /** Contracts ending from {@code today} through the next 90 days, ending soonest first. */
    Uni<HomeView.Renewals> renewalsDue(Session session, LocalDate today) {
        LocalDate until = today.plusDays(RENEWAL_DAYS);
        String query = ListQuery.page(1, FEW).sort("contractEndDate")
                .filter("contractEndDate[gte]", today.toString()).filter("contractEndDate[lte]", until.toString()).on("");
        return HomeCard.load(orders.contracts(session, query)
                .map(page -> new HomeView.Renewals(page.items(), page.total(), today, until, null)),
                HomeView.Renewals::unavailable);
    }

    /** The organization's own commissions of {@code month}'s billing period. */
    Uni<HomeView.Commissions> commissions(Session session, YearMonth month) {
        String period = month.toString();
        return HomeCard.load(billing.commissionSummary(session, period, session.claims().organizationId())
                .map(summary -> new HomeView.Commissions(period, summary.beneficiaries(), null)),
                HomeView.Commissions::unavailable);
    }

    /** The active subscriptions, ending soonest first. */
    Uni<HomeView.Subscriptions> activeSubscriptions(Session session) {
        String query = ListQuery.page(1, FEW).sort("endDate").filter("status", "ACTIVE").on("");
        return HomeCard.load(orders.subscriptions(session, query)
                .map(page -> new HomeView.Subscriptions(page.items(), page.total(), null)),
                HomeView.Subscriptions::unavailable);
    }

    /**
     * {@code month}'s usage so far per listing and dimension, with the customer's token balances when {@code balancesOf}
     * names one.
     */
    Uni<HomeView.Usage> usage(Session session, YearMonth month, String balancesOf) {
        Uni<ApiPage<UsageRow>> usage = metering.usage(session, "month",
                month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
        Uni<Balances> balances = balancesOf == null ? Uni.createFrom().nullItem() : metering.balances(session, balancesOf);
        return HomeCard.load(Uni.combine().all().unis(usage, balances).with((rows, found) -> new HomeView.Usage(
                totals(rows.items()), rows.total() > rows.items().size(), found, null)), HomeView.Usage::unavailable);
    }

    /** The vendor's own listings, newest first. */
    Uni<HomeView.Listings> ownListings(Session session) {
        String query = ListQuery.page(1, FEW).sort("-createdAt").filter("vendorId", session.claims().organizationId())
                .on("");
        return HomeCard.load(catalog.listings(session, query)
                .map(page -> new HomeView.Listings(page.items(), page.total(), null)), HomeView.Listings::unavailable);
    }

    /** How many private offers the user sees in each status. */
    Uni<HomeView.Counts> offersByStatus(Session session) {
        List<Uni<HomeView.Count>> counts = OFFER_STATUSES.stream()
                .map(status -> catalog.offers(session, ListQuery.page(1, 1).filter("status", status).on(""))
                        .map(page -> new HomeView.Count(status.toLowerCase(java.util.Locale.ROOT), page.total(),
                                PrivateOffersResource.PATH + "?status=" + status)))
                .toList();
        return HomeCard.load(joined(counts).map(found -> new HomeView.Counts(found, null)), HomeView.Counts::unavailable);
    }

    /** The rows' values added up per listing and dimension, in that order. */
    static List<HomeView.UsageTotal> totals(List<UsageRow> rows) {
        Map<String, Map<String, BigDecimal>> byListing = new TreeMap<>();
        for (UsageRow row : rows) {
            byListing.computeIfAbsent(String.valueOf(row.listingId()), listing -> new TreeMap<>())
                    .merge(row.dimension(), row.value() == null ? BigDecimal.ZERO : row.value(), BigDecimal::add);
        }
        List<HomeView.UsageTotal> totals = new ArrayList<>();
        byListing.forEach((listing, dimensions) -> dimensions
                .forEach((dimension, value) -> totals.add(new HomeView.UsageTotal(listing, dimension, value))));
        return totals;
    }

    /** All of {@code counts} (at least one), in their order; a failure of any is the card's. */
    private static Uni<List<HomeView.Count>> joined(List<Uni<HomeView.Count>> counts) {
        return Uni.join().all(counts).andFailFast();
    }
}
