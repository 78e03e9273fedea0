package dev.mercato.billing;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.DiscountChangedV1;
import dev.mercato.platform.events.ExchangeRateChangedV1;
import dev.mercato.platform.events.PlanChangedV1;
import dev.mercato.platform.events.SubscriptionChangedV1;
import dev.mercato.platform.events.UsageAggregateV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.arc.Arc;

/**
 * A channel for billing tests, published on the topics billing reads as identity-, catalog-, order- and
 * metering-service would: a distributor, a partner below it with tenants (billed in eur on day 1), and a
 * foreign partner with a tenant of its own. Each world has fresh ids and its own month far in the past, two
 * months apart from the next world's (so one test's billing run never invoices another test's subscriptions).
 */
public final class BillingWorld {

    private static final AtomicInteger MONTHS = new AtomicInteger();

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization otherPartner = platform.child("PARTNER");
    public final TestOrganization otherTenant = otherPartner.child("TENANT");
    /** A month no other world of this test run uses (the test database is created anew for every run). */
    public final YearMonth month = YearMonth.of(2001, 1).plusMonths(3L * MONTHS.getAndIncrement());

    private final ObjectMapper json = Arc.container().instance(ObjectMapper.class).get();

    public static BillingWorld create() {
        BillingWorld world = new BillingWorld();
        for (TestOrganization organization : List.of(world.distributor, world.partner, world.tenant, world.otherPartner,
                world.otherTenant)) {
            world.organization(organization);
        }
        return world;
    }

    /** Publishes {@code organization} (eur, billing day 1) and waits until billing knows it. */
    public void organization(TestOrganization organization) {
        OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), "FI", 0);
        awaitRow("select count(*) from billing_customer where id = ?", organization.id());
    }

    public LocalDate day(int dayOfMonth) {
        return month.atDay(dayOfMonth);
    }

    /**
     * A subscription of {@code customer} from {@code start} to {@code end} (both included) of {@code quantity} at
     * {@code srp} eur per quantity for the term (purchase price 75 % of it), metering {@code listingId} (or none).
     */
    public String subscription(TestOrganization customer, LocalDate start, LocalDate end, int quantity, String srp,
            String listingId) {
        String id = Ids.next("sub");
        publishSubscription(id, customer, start, end, quantity, srp, listingId, start.atStartOfDay().toInstant(ZoneOffset.UTC), 1);
        return id;
    }

    /** A new snapshot of subscription {@code id} changed on {@code changedAt} (its quantity, say). */
    public void publishSubscription(String id, TestOrganization customer, LocalDate start, LocalDate end, int quantity,
            String srp, String listingId, Instant changedAt, long version) {
        BigDecimal price = new BigDecimal(srp);
        publishSubscription(id, customer, start, end, quantity, "SKU-" + id.substring(4, 10),
                Map.of("eur", price.multiply(new BigDecimal("0.75"))), Map.of("eur", price), listingId, changedAt, version);
    }

    /** A subscription snapshot with the given SKU and price objects (empty: the SKU's article prices apply). */
    public void publishSubscription(String id, TestOrganization customer, LocalDate start, LocalDate end, int quantity,
            String sku, Map<String, BigDecimal> purPrice, Map<String, BigDecimal> srpPrice, String listingId,
            Instant changedAt, long version) {
        publishSubscription(id, customer, start, end, quantity, sku, purPrice, srpPrice, listingId, null, changedAt, version);
    }

    /** A new snapshot of subscription {@code id} (SRP {@code srp} eur) retired (traded in, switched away) at {@code retiredAt}. */
    public void retireSubscription(String id, TestOrganization customer, LocalDate start, LocalDate end, int quantity,
            String srp, Instant retiredAt, long version) {
        BigDecimal price = new BigDecimal(srp);
        publishSubscription(id, customer, start, end, quantity, "SKU-" + id.substring(4, 10),
                Map.of("eur", price.multiply(new BigDecimal("0.75"))), Map.of("eur", price), null, retiredAt, retiredAt,
                version);
    }

    private void publishSubscription(String id, TestOrganization customer, LocalDate start, LocalDate end, int quantity,
            String sku, Map<String, BigDecimal> purPrice, Map<String, BigDecimal> srpPrice, String listingId,
            Instant retiredAt, Instant changedAt, long version) {
        SubscriptionChangedV1 subscription = new SubscriptionChangedV1(id, serialOf(id), "ACTIVE", start,
                end, null, "ctr_" + id, "C-1", start, end, 12, "SUBSCRIPTION", customer.id(), "5100000000", "Tenant", "FI",
                "SMB", null, null, null, null, null, null, null, null, "NEW", "CLOUD", sku,
                "Seats of " + id, "PL1", quantity, 1, quantity, purPrice, srpPrice, Map.of(), Map.of(), null, null, null,
                null, null, listingId,
                List.of(), retiredAt, start.atStartOfDay().toInstant(ZoneOffset.UTC), changedAt, version);
        send("orders.subscriptions", id, SubscriptionChangedV1.CHANGED, subscription);
        awaitRow("select count(*) from billing_subscription where id = ? and source_version = ?", id, version);
    }

    /** The serial number of subscription {@code id} in its snapshots (metering names usage's subscription by it). */
    public static String serialOf(String id) {
        return "SN-" + id.substring(4, 12);
    }

    /** A plan of {@code owner} for {@code listingId}, version 1 published at the start of time, with {@code prices}. */
    public String plan(String listingId, String owner, String currency, String pricingPeriod,
            List<PlanChangedV1.PriceDefinitionV1> prices) {
        String id = Ids.next("pln");
        Instant published = Instant.parse("2000-01-01T00:00:00Z");
        PlanChangedV1 plan = new PlanChangedV1(id, owner, "Plan", null, listingId, 1, null, List.of(
                new PlanChangedV1.PlanVersionV1(1, "PUBLISHED", currency, pricingPeriod, null, prices, published, published)),
                published, published, 1);
        send("catalog.plans", id, PlanChangedV1.TYPE, plan);
        awaitRow("select count(*) from billing_plan_version where plan_id = ?", id);
        return id;
    }

    /** A usage price for {@code dimension} with ranges {@code (min, max, price)…} (max null: open). */
    public static PlanChangedV1.PriceDefinitionV1 usagePrice(String listingId, String dimension, String strategy,
            String... ranges) {
        List<PlanChangedV1.PriceRangeV1> priceRanges = new java.util.ArrayList<>();
        for (int i = 0; i < ranges.length; i += 3) {
            priceRanges.add(new PlanChangedV1.PriceRangeV1(new BigDecimal(ranges[i]),
                    ranges[i + 1] == null ? null : new BigDecimal(ranges[i + 1]), new BigDecimal(ranges[i + 2]), null, null));
        }
        return new PlanChangedV1.PriceDefinitionV1(Ids.next("prd"), "USAGE", strategy, "unit", priceRanges, null, true,
                null, listingId, dimension);
    }

    /** An hourly aggregate of {@code customer}'s usage; returns its id. */
    public String usage(TestOrganization customer, String subscriptionId, String listingId, String dimension,
            LocalDateTime hour, String value, int revision, String aggregateId) {
        String id = aggregateId != null ? aggregateId : Ids.next("agg");
        UsageAggregateV1 aggregate = new UsageAggregateV1(id, customer.id(), null, listingId, subscriptionId, dimension,
                hour.toInstant(ZoneOffset.UTC), "SUM", new BigDecimal(value), 1, new BigDecimal(value), new BigDecimal(value),
                0, new BigDecimal(value), revision, revision == 1 ? null : BigDecimal.ZERO);
        send("metering.aggregates", id, revision == 1 ? UsageAggregateV1.CLOSED : UsageAggregateV1.CORRECTED, aggregate);
        awaitRow("select count(*) from billing_usage where id = ? and revision = ?", id, revision);
        return id;
    }

    /**
     * An automatic percentage discount of the platform on {@code sku}, from the start of time, funded by the
     * partner and the base partner with the given shares (percentages, null: none).
     */
    public String discount(String sku, String percentage, String partnerShare, String basePartnerShare) {
        return automaticDiscount(platform.id(), percentage, null, partnerShare, basePartnerShare, List.of(), List.of(sku));
    }

    /** An automatic discount of {@code percentage} % on {@code planId}'s lines for {@code billingCycles} cycles; returns its id. */
    public String automaticDiscount(String planId, String owner, String percentage, Integer billingCycles) {
        return automaticDiscount(owner, percentage, billingCycles, null, null, List.of(planId), List.of());
    }

    private String automaticDiscount(String owner, String percentage, Integer billingCycles, String partnerShare,
            String basePartnerShare, List<String> planIds, List<String> skus) {
        String id = Ids.next("dsc");
        Instant now = Instant.now();
        send("catalog.discounts", id, DiscountChangedV1.CHANGED, new DiscountChangedV1(id, owner, "PERCENTAGE",
                new BigDecimal(percentage), null, null, null, "Automatic " + percentage + " %", null, null, null, null, null,
                0, billingCycles, true, false, partnerShare == null ? null : new BigDecimal(partnerShare),
                basePartnerShare == null ? null : new BigDecimal(basePartnerShare), null, planIds, skus, List.of(), now,
                now, 1));
        awaitRow("select count(*) from billing_discount where id = ?", id);
        return id;
    }

    /** One {@code base} is {@code rate} {@code counter} from {@code validFrom}. */
    public void exchangeRate(String base, String counter, String rate, LocalDate validFrom) {
        String id = Ids.next("fx");
        send("catalog.exchange-rates", id, ExchangeRateChangedV1.TYPE, new ExchangeRateChangedV1(id, base, counter,
                new BigDecimal(rate), validFrom, true, Instant.now(), null, 1));
        awaitRow("select count(*) from billing_exchange_rate where id = ?", id);
    }

    /** Sends {@code payload} as event {@code type}; returns the event id. */
    public String send(String topic, String key, String type, Object payload) {
        String eventId = UUID.randomUUID().toString();
        try {
            TestKafka.send(topic, key, json.writeValueAsString(payload), TestKafka.cloudEventHeaders(eventId, type, key));
            return eventId;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void awaitRow(String sql, Object... parameters) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(sql, parameters) > 0);
    }
}
