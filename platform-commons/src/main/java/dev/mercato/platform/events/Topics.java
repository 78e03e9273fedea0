package dev.mercato.platform.events;

import java.util.List;

/**
 * Every Kafka topic Mercato uses, named {@code <service>.<aggregate>} and keyed by aggregate id.
 * deploy/ has a Strimzi KafkaTopic for each (checked by the deploy tests).
 */
public final class Topics {

    /** Organizations (platform, distributors, partners, tenants, vendors), published by identity-service. */
    public static final String IDENTITY_ORGANIZATIONS = "identity.organizations";

    /** Users (never their password hashes), published by identity-service. */
    public static final String IDENTITY_USERS = "identity.users";

    /**
     * Revoked tokens, applications, API keys and users ({@link CredentialRevokedV1}), published by
     * identity-service and read from the beginning by every instance of every service.
     */
    public static final String IDENTITY_REVOCATIONS = "identity.revocations";

    /** Articles (SKUs) with their price objects, published by catalog-service. */
    public static final String CATALOG_ARTICLES = "catalog.articles";

    /** Listings with their metered dimensions, published by catalog-service. */
    public static final String CATALOG_LISTINGS = "catalog.listings";

    /** Plans with every version and its price definitions, published by catalog-service. */
    public static final String CATALOG_PLANS = "catalog.plans";

    /** Private offers and their lifecycle, published by catalog-service. */
    public static final String CATALOG_OFFERS = "catalog.offers";

    /** Discounts with their limits and redemptions, published by catalog-service. */
    public static final String CATALOG_DISCOUNTS = "catalog.discounts";

    /** Currency exchange rates (each rate its own record, never edited), published by catalog-service. */
    public static final String CATALOG_EXCHANGE_RATES = "catalog.exchange-rates";

    /** Contracts with their items (subscriptions), published by order-service; also {@code contract.expiring} notices. */
    public static final String ORDERS_CONTRACTS = "orders.contracts";

    /** Subscriptions (serial number, seats, dates, status), published by order-service. */
    public static final String ORDERS_SUBSCRIPTIONS = "orders.subscriptions";

    /** Renewal opportunities with their items, published by order-service. */
    public static final String ORDERS_OPPORTUNITIES = "orders.opportunities";

    /** Entitlements (what a customer may use, derived from its subscriptions), published by order-service. */
    public static final String ORDERS_ENTITLEMENTS = "orders.entitlements";

    /** Transactions (orders) with their status, published by order-service on placement and each status change. */
    public static final String ORDERS_TRANSACTIONS = "orders.transactions";

    /** Accepted usage events ({@link UsageEventV1}), keyed by customer id, published by metering-service's ingestion. */
    public static final String METERING_USAGE = "metering.usage";

    /** The outcome of each usage report ({@link MeteringReportV1}), keyed by report id, published by metering-service. */
    public static final String METERING_REPORTS = "metering.reports";

    /** Closed hourly usage aggregates and their corrections, keyed by aggregate id, published by metering-service for billing. */
    public static final String METERING_AGGREGATES = "metering.aggregates";

    /** Invoices when finalized, paid or voided ({@link InvoiceChangedV1}, full snapshots), keyed by invoice id, published by billing-service. */
    public static final String BILLING_INVOICES = "billing.invoices";

    /** Credit and debit notes ({@link CreditNoteCreatedV1}), keyed by note id, published by billing-service. */
    public static final String BILLING_CREDIT_NOTES = "billing.credit-notes";

    /**
     * Prepaid token balance changes ({@link TokenBalanceV1}: credits and low-balance notices), keyed by customer id,
     * published by metering-service.
     */
    public static final String METERING_BALANCES = "metering.balances";

    /**
     * Snapshot topics: each record is the whole state of its aggregate, keyed by its id, so the latest
     * record per key is all a new read model needs. They are compacted ({@code cleanup.policy=compact}),
     * never deleted by age, so any read model can be rebuilt from their beginning. A new topic of full
     * snapshots joins this list (kept on one line: {@code ./mercato up} and the deploy checks read it),
     * and its KafkaTopic says {@code cleanup.policy: compact}.
     */
    public static final List<String> COMPACTED = List.of(IDENTITY_ORGANIZATIONS, IDENTITY_USERS, CATALOG_ARTICLES, CATALOG_LISTINGS, CATALOG_PLANS, CATALOG_OFFERS, CATALOG_DISCOUNTS, CATALOG_EXCHANGE_RATES, ORDERS_CONTRACTS, ORDERS_SUBSCRIPTIONS, ORDERS_OPPORTUNITIES, ORDERS_ENTITLEMENTS, ORDERS_TRANSACTIONS, BILLING_INVOICES);

    private Topics() {
    }
}
