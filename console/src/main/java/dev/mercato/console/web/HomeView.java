package dev.mercato.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.mercato.console.billing.CommissionSummary;
import dev.mercato.console.billing.Invoice;
import dev.mercato.console.catalog.Listing;
import dev.mercato.console.identity.Organization;
import dev.mercato.console.identity.User;
import dev.mercato.console.metering.Balances;
import dev.mercato.console.order.Contract;
import dev.mercato.console.order.Subscription;
import dev.mercato.console.order.Transaction;

/**
 * The home page: who is signed in, the organization (null for the platform, which has no collection of its own, and
 * for a role that may not read its own kind), the
 * month "this month" means (UTC), and the cards of the role. Every card is null when the role does not get it or its
 * scopes do not allow its call; a card that could not be loaded has its sentence in {@code unavailable} and nothing
 * else.
 */
public record HomeView(User user, Organization organization, String organizationId, String organizationKind,
        String role, Viewer viewer, YearMonth month, Cards cards) {

    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    public boolean platform() {
        return "PLATFORM".equals(organizationKind);
    }

    /** This month as a user reads it: "December 2026". */
    public String monthName() {
        return month.format(MONTH_NAME);
    }

    /**
     * The cards of each role: the platform's counts, latest transactions and invoices; a distributor's or partner's
     * tenants, renewals and commissions; a tenant's subscriptions, usage and latest invoice; a vendor's listings,
     * offers and usage.
     */
    public record Cards(Counts organizations, Transactions transactions, Invoices invoices, Renewals renewals,
            Commissions commissions, Subscriptions subscriptions, Usage usage, Listings listings, Counts offers) {

        static Cards platform(Counts organizations, Transactions transactions, Invoices invoices) {
            return new Cards(organizations, transactions, invoices, null, null, null, null, null, null);
        }

        static Cards channel(Counts tenants, Renewals renewals, Commissions commissions) {
            return new Cards(tenants, null, null, renewals, commissions, null, null, null, null);
        }

        static Cards tenant(Subscriptions subscriptions, Usage usage, Invoices invoices) {
            return new Cards(null, null, invoices, null, null, subscriptions, usage, null, null);
        }

        static Cards vendor(Listings listings, Counts offers, Usage usage) {
            return new Cards(null, null, null, null, null, null, usage, listings, offers);
        }

        static Cards none() {
            return new Cards(null, null, null, null, null, null, null, null, null);
        }
    }

    /** How many there are of each of a few things, each linking to its list (organizations by kind, offers by status). */
    public record Counts(List<Count> counts, String unavailable) {

        static Counts unavailable(String sentence) {
            return new Counts(List.of(), sentence);
        }

        /** Whether every count is zero (the card's empty state). */
        public boolean allZero() {
            return counts.stream().allMatch(count -> count.value() == 0);
        }
    }

    /** One count: "2 tenants", linking to where they are listed. */
    public record Count(String label, long value, String href) {
    }

    /** The latest transactions, newest first. */
    public record Transactions(List<Transaction> transactions, String unavailable) {

        static Transactions unavailable(String sentence) {
            return new Transactions(List.of(), sentence);
        }
    }

    /** The latest invoices, newest first (the tenant's card shows one). */
    public record Invoices(List<Invoice> invoices, String unavailable) {

        static Invoices unavailable(String sentence) {
            return new Invoices(List.of(), sentence);
        }
    }

    /** Contracts whose end date falls from {@code from} to {@code until}: the first few, ending soonest, and how many. */
    public record Renewals(List<Contract> contracts, long total, LocalDate from, LocalDate until, String unavailable) {

        static Renewals unavailable(String sentence) {
            return new Renewals(List.of(), 0, null, null, sentence);
        }
    }

    /** The organization's own commissions of this month's billing period (yyyy-MM), per currency. */
    public record Commissions(String period, List<CommissionSummary.Beneficiary> totals, String unavailable) {

        static Commissions unavailable(String sentence) {
            return new Commissions(null, List.of(), sentence);
        }
    }

    /** The active subscriptions: the first few, ending soonest, and how many. */
    public record Subscriptions(List<Subscription> subscriptions, long active, String unavailable) {

        static Subscriptions unavailable(String sentence) {
            return new Subscriptions(List.of(), 0, sentence);
        }
    }

    /**
     * This month's usage per listing and dimension ({@code truncated}: the API had more rows than one answer holds) and,
     * for a tenant, its token balances (null for a vendor).
     */
    public record Usage(List<UsageTotal> totals, boolean truncated, Balances balances, String unavailable) {

        static Usage unavailable(String sentence) {
            return new Usage(List.of(), false, null, sentence);
        }
    }

    /** A dimension's usage of one listing this month, added up over customers and subscriptions. */
    public record UsageTotal(String listingId, String dimension, BigDecimal value) {
    }

    /** The vendor's listings: the newest few and how many. */
    public record Listings(List<Listing> listings, long total, String unavailable) {

        static Listings unavailable(String sentence) {
            return new Listings(List.of(), 0, sentence);
        }
    }
}
