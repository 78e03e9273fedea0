package dev.mercato.billing.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.billing.rating.DiscountRule;
import dev.mercato.billing.rating.ExchangeRates;
import dev.mercato.billing.rating.PlanPrices;
import dev.mercato.billing.rating.SubscriptionTerms;
import dev.mercato.platform.events.PlanChangedV1.PriceDefinitionV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Loads every read model a run rates with, in a handful of set-based queries — never one query per
 * subscription: the subscriptions and quantities of all due customers (a subscription without SRP or purchase
 * prices takes its SKU's from the articles read model), every published plan version,
 * the automatic discounts, the active exchange rates, and the usage of each customer's period summed per
 * subscription and dimension (one query per distinct period).
 */
@ApplicationScoped
public class RatingInputs {

    private static final TypeReference<Map<String, BigDecimal>> PRICES = new TypeReference<>() {
    };
    private static final TypeReference<List<PriceDefinitionV1>> DEFINITIONS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public RatingInputs(ObjectMapper json) {
        this.json = json;
    }

    /** Everything loaded for one run. */
    public record Loaded(Map<String, List<SubscriptionTerms>> subscriptionsByCustomer, Map<String, List<PlanPrices>> plansByListing,
            List<DiscountRule> discounts, ExchangeRates rates, Map<String, Map<String, BigDecimal>> usageBySubscription) {
    }

    Uni<Loaded> load(SqlConnection connection, List<DueCustomer> customers) {
        String[] ids = customers.stream().map(DueCustomer::id).toArray(String[]::new);
        return withoutUsage(connection, ids).chain(loaded -> usage(connection, customers, loaded.subscriptionsByCustomer())
                .map(usage -> new Loaded(loaded.subscriptionsByCustomer(), loaded.plansByListing(), loaded.discounts(),
                        loaded.rates(), usage)));
    }

    /** What recurring charges need, without usage: the customers' subscriptions, the plans, discounts and rates. */
    public Uni<Loaded> withoutUsage(SqlConnection connection, String[] customerIds) {
        return subscriptions(connection, customerIds)
                .chain(subscriptions -> plans(connection).chain(plans -> discounts(connection)
                        .chain(discounts -> rates(connection)
                                .map(rates -> new Loaded(subscriptions, plans, discounts, rates, Map.of())))));
    }

    private Uni<Map<String, List<SubscriptionTerms>>> subscriptions(SqlConnection connection, String[] customerIds) {
        return connection.preparedQuery("""
                select q.subscription_id, q.effective_from, q.quantity from billing_subscription_quantity q
                join billing_subscription s on s.id = q.subscription_id
                where s.customer_id = any($1) order by q.subscription_id, q.effective_from""")
                .execute(Tuple.of(customerIds))
                .chain(quantityRows -> {
                    Map<String, List<SubscriptionTerms.QuantityChange>> quantities = new HashMap<>();
                    for (Row row : quantityRows) {
                        quantities.computeIfAbsent(row.getString("subscription_id"), id -> new ArrayList<>())
                                .add(new SubscriptionTerms.QuantityChange(row.getLocalDate("effective_from"),
                                        row.getInteger("quantity")));
                    }
                    return connection.preparedQuery("""
                            select s.id, s.customer_id, s.sku, s.description, s.start_date, s.end_date, s.retired_at,
                                coalesce(nullif(s.srp_price, '{}'::jsonb), a.srp_price, '{}'::jsonb)::text as srp,
                                coalesce(nullif(s.pur_price, '{}'::jsonb), a.pur_price, '{}'::jsonb)::text as pur,
                                s.listing_id, s.created_at
                            from billing_subscription s
                            left join lateral (select srp_price, pur_price from billing_article
                                               where sku = s.sku order by id limit 1) a on true
                            where s.customer_id = any($1) order by s.id""")
                            .execute(Tuple.of(customerIds))
                            .map(rows -> {
                                Map<String, List<SubscriptionTerms>> byCustomer = new HashMap<>();
                                for (Row row : rows) {
                                    String id = row.getString("id");
                                    LocalDate retiredOn = row.getOffsetDateTime("retired_at") == null ? null
                                            : row.getOffsetDateTime("retired_at").atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
                                    byCustomer.computeIfAbsent(row.getString("customer_id"), c -> new ArrayList<>())
                                            .add(new SubscriptionTerms(id, row.getString("customer_id"), row.getString("sku"),
                                                    row.getString("description"), row.getLocalDate("start_date"),
                                                    row.getLocalDate("end_date"), retiredOn,
                                                    quantities.getOrDefault(id, List.of()), read(row.getString("srp"), PRICES),
                                                    read(row.getString("pur"), PRICES), row.getString("listing_id"),
                                                    row.getOffsetDateTime("created_at").toInstant()));
                                }
                                return byCustomer;
                            });
                });
    }

    private Uni<Map<String, List<PlanPrices>>> plans(SqlConnection connection) {
        return connection.query("""
                select p.id, p.owner_id, p.listing_id, v.version, v.currency, v.pricing_period, v.published_at,
                    v.price_definitions::text as definitions
                from billing_plan p join billing_plan_version v on v.plan_id = p.id
                where p.listing_id is not null and v.status = 'PUBLISHED'
                order by p.listing_id, p.id, v.version""").execute()
                .map(rows -> {
                    Map<String, List<PlanPrices>> byListing = new HashMap<>();
                    for (Row row : rows) {
                        byListing.computeIfAbsent(row.getString("listing_id"), id -> new ArrayList<>())
                                .add(new PlanPrices(row.getString("id"), row.getString("owner_id"), row.getString("listing_id"),
                                        row.getInteger("version"), row.getString("currency"), row.getString("pricing_period"),
                                        row.getOffsetDateTime("published_at") == null ? null
                                                : row.getOffsetDateTime("published_at").toInstant(),
                                        read(row.getString("definitions"), DEFINITIONS)));
                    }
                    return byListing;
                });
    }

    private Uni<List<DiscountRule>> discounts(SqlConnection connection) {
        return connection.query("""
                select id, owner_id, type, percentage, price, currency, start_date, expiration_date, min_units, max_units,
                    billing_cycles, plan_ids, article_skus, listing_ids
                from billing_discount where auto_apply order by id""").execute()
                .map(rows -> {
                    List<DiscountRule> rules = new ArrayList<>();
                    for (Row row : rows) {
                        rules.add(new DiscountRule(row.getString("id"), row.getString("owner_id"), row.getString("type"),
                                row.getBigDecimal("percentage"), row.getBigDecimal("price"),
                                row.getString("currency") == null ? null : row.getString("currency").toLowerCase(java.util.Locale.ROOT),
                                row.getLocalDate("start_date"), row.getLocalDate("expiration_date"), row.getLong("min_units"),
                                row.getLong("max_units"), row.getInteger("billing_cycles"),
                                List.of(row.getArrayOfStrings("plan_ids")), List.of(row.getArrayOfStrings("article_skus")),
                                List.of(row.getArrayOfStrings("listing_ids"))));
                    }
                    return rules;
                });
    }

    private static Uni<ExchangeRates> rates(SqlConnection connection) {
        return connection.query("""
                select base_currency, counter_currency, rate, valid_from from billing_exchange_rate where active""").execute()
                .map(rows -> {
                    List<ExchangeRates.Rate> rates = new ArrayList<>();
                    for (Row row : rows) {
                        rates.add(new ExchangeRates.Rate(row.getString("base_currency"), row.getString("counter_currency"),
                                row.getBigDecimal("rate").stripTrailingZeros(), row.getLocalDate("valid_from")));
                    }
                    return new ExchangeRates(rates);
                });
    }

    /**
     * The subscription a usage row ({@code u}) is for, joined as {@code s}: metering names it by its serial number
     * (the entitlement's, {@code UsageEventV1}), billing's own rows by id; either is resolved to the id here.
     */
    static final String USAGE_SUBSCRIPTION_JOIN = " left join billing_subscription s on s.customer_id = u.customer_id"
            + " and u.subscription_id is not null and u.subscription_id in (s.id, s.serial_number) ";

    /** The id of the usage row's subscription (see {@link #USAGE_SUBSCRIPTION_JOIN}), or its own name when unknown. */
    static final String SUBSCRIPTION_OF_USAGE = " coalesce(s.id, u.subscription_id) ";

    /**
     * Usage of each customer's period per subscription and dimension: the sum of the hourly values, or their
     * maximum for MAX and LATEST measures (a peak, not a total). Usage reported without a subscription goes to
     * the customer's subscription of that listing.
     */
    private static Uni<Map<String, Map<String, BigDecimal>>> usage(SqlConnection connection, List<DueCustomer> customers,
            Map<String, List<SubscriptionTerms>> subscriptions) {
        Map<BillingPeriod, List<DueCustomer>> byPeriod = customers.stream()
                .collect(Collectors.groupingBy(DueCustomer::period));
        Map<String, Map<String, BigDecimal>> usage = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<DueCustomer> group : byPeriod.values()) {
            DueCustomer first = group.getFirst();
            Tuple parameters = Tuple.of(group.stream().map(DueCustomer::id).toArray(String[]::new),
                    first.period().start().atStartOfDay().atOffset(ZoneOffset.UTC),
                    first.period().end().atStartOfDay().atOffset(ZoneOffset.UTC));
            chain = chain.chain(() -> connection.preparedQuery("""
                    select u.customer_id, """ + SUBSCRIPTION_OF_USAGE + """
                         as subscription_id, u.listing_id, u.dimension,
                        case when bool_or(u.aggregation in ('MAX', 'LATEST')) then max(u.value) else sum(u.value) end as quantity
                    from billing_usage u """ + USAGE_SUBSCRIPTION_JOIN + """
                    where u.customer_id = any($1) and u.hour_start >= $2 and u.hour_start < $3
                    group by 1, 2, 3, 4""").execute(parameters)
                    .invoke(rows -> {
                        for (Row row : rows) {
                            String subscription = row.getString("subscription_id") != null ? row.getString("subscription_id")
                                    : subscriptionOfListing(subscriptions.get(row.getString("customer_id")),
                                            row.getString("listing_id"));
                            if (subscription != null) {
                                usage.computeIfAbsent(subscription, id -> new HashMap<>())
                                        .merge(row.getString("dimension"), row.getBigDecimal("quantity"), BigDecimal::add);
                            }
                        }
                    }).replaceWithVoid());
        }
        return chain.replaceWith(usage);
    }

    private static String subscriptionOfListing(List<SubscriptionTerms> subscriptions, String listingId) {
        if (subscriptions == null || listingId == null) {
            return null;
        }
        return subscriptions.stream().filter(subscription -> listingId.equals(subscription.listingId()))
                .map(SubscriptionTerms::id).min(Comparator.naturalOrder()).orElse(null);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored read model column is not the JSON it should be", e);
        }
    }
}
