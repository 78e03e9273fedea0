package dev.mercato.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/**
 * The marketplace as its users meet it, across the real processes {@code ./mercato up} starts, each actor with
 * its own credentials. The scenarios run in order on one world, since business time (the test clock of every
 * service, docs/RUNNING.md) only moves forward:
 * <ol>
 * <li><b>Selling.</b> The platform creates a distributor, which creates a partner, which onboards a tenant; a vendor
 * publishes a listing with two dimensions, an article and a tiered plan and sends the tenant a private offer; the
 * tenant accepts; the order is processed and the subscription and entitlement appear. Meanwhile the webhook
 * endpoints of the tenant, of its partner (with descendants) and of a foreign partner receive what they may see,
 * each delivery verified both ways a receiver can (Standard Webhooks and the hex HMAC of the body); the foreign
 * partner receives nothing.</li>
 * <li><b>Usage to money.</b> The partner also sells the tenant an SRP-priced support subscription. The vendor reports
 * the tenant's usage in all three shapes (single events, an hourly report with an {@code Idempotency-Key}, a batch),
 * each sent twice and counted once; business time leaves the hour and the month; a billing run makes the tenant's
 * invoice — plan recurring, tiered usage and the prorated SRP line, its total computed here to the cent from the
 * prices this test set — which is finalized and books the partner's, the distributor's and the platform's
 * commissions; a late usage event of the invoiced month becomes a debit note for the difference.</li>
 * <li><b>Renewal.</b> Business time moves towards the contract's end: {@code contract.expiring} reaches the tenant's
 * and the partner's endpoints 90, 60 and 30 days before it, a renewal opportunity appears, the partner's
 * {@code RENEWAL} naming it is processed and closes it, and a billing run of a month after the first term bills the
 * renewed subscription.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketplaceScenarioSystemTest {

    /**
     * Order-service's date sweeps, metering's hour closing and billing's adjustment sweep run every two seconds
     * instead of every minute (or half-minute), so a step of business time shows within seconds; and one test client
     * polling several services may send more than the default 50 requests a minute.
     */
    private static final Suite SUITE = new Suite(Map.of(
            "MERCATO_ORDERS_SWEEP_INTERVAL", "PT2S",
            "MERCATO_METERING_CLOSE_SWEEP_EVERY", "PT2S",
            "MERCATO_BILLING_ADJUSTMENT_INTERVAL", "PT2S",
            "MERCATO_RATE_LIMIT_PER_MINUTE", "600",
            "MERCATO_RATE_LIMIT_PER_HOUR", "20000"));
    private static final String PASSWORD = "scenario-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** The plan's prices (scenario 1 sets them, scenario 2 computes the invoice from them). */
    private static final BigDecimal SEAT_PRICE = new BigDecimal("10");
    private static final BigDecimal SEAT_WHOLESALE = new BigDecimal("8");
    private static final BigDecimal FIRST_TIER_LIMIT = new BigDecimal("1000");
    private static final BigDecimal FIRST_TIER_PRICE = new BigDecimal("0.10");
    private static final BigDecimal NEXT_TIER_PRICE = new BigDecimal("0.05");
    /** The support article's prices per unit and term, and how many units the partner orders. */
    private static final BigDecimal SUPPORT_SRP = new BigDecimal("600");
    private static final BigDecimal SUPPORT_PUR = new BigDecimal("450");
    private static final int SUPPORT_UNITS = 2;
    /** Billing's defaults: the distributor's share of a margin and the platform's fee (billing-service README). */
    private static final BigDecimal DISTRIBUTOR_SHARE = new BigDecimal("0.30");
    private static final BigDecimal PLATFORM_FEE = new BigDecimal("0.10");

    private static HttpServer receiver;
    private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();

    /** What scenario 1 built and the later scenarios go on with. */
    record World(String distributor, String partner, String partnerToken, String tenant, String tenantToken,
            String vendor, String vendorToken, String listing, Map<String, String> secrets) {
    }

    private static World world;

    /** One webhook delivery as the receiver got it. */
    record Delivery(String endpoint, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
        }

        String event() {
            return JsonPath.from(body).getString("event");
        }

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            DELIVERIES.add(new Delivery(exchange.getRequestURI().getPath().substring(1),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        SUITE.up();
    }

    @AfterAll
    static void stop() {
        SUITE.down();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Order(1)
    void onboardingSellingAndItsNotifications() throws Exception {
        String platform = SUITE.adminToken();

        // the channel: platform → distributor → partner → tenant, each acting with its own user
        String distributor = create(platform, "distributors", json("name", "Scenario Distribution AB", "countryCode", "SE",
                "currency", "eur"));
        String distributorToken = userOf(platform, distributor, "DISTRIBUTOR_ADMIN");
        String partner = create(distributorToken, "partners", json("name", "Scenario Partners Oy", "countryCode", "FI",
                "parentId", distributor));
        String partnerToken = userOf(distributorToken, partner, "PARTNER_ADMIN");
        String otherDistributor = create(platform, "distributors", json("name", "Foreign Distribution GmbH",
                "countryCode", "DE", "currency", "eur"));
        String foreign = create(platform, "partners", json("name", "Foreign Partners GmbH", "countryCode", "DE",
                "parentId", otherDistributor));
        String foreignToken = userOf(platform, foreign, "PARTNER_ADMIN");
        Map<String, String> secrets = Map.of(
                "partner", endpoint(partnerToken, "partner"),
                "foreign", endpoint(foreignToken, "foreign"));

        String tenant = create(partnerToken, "tenants", json("name", "Scenario Manufacturing Oy", "countryCode", "FI",
                "parentId", partner, "currency", "eur"));
        String tenantToken = userOf(partnerToken, tenant, "TENANT_ADMIN");
        Map<String, String> allSecrets = new java.util.HashMap<>(secrets);
        allSecrets.put("tenant", endpoint(tenantToken, "tenant"));

        // the vendor's catalogue: a listing with two dimensions, an article and a tiered plan, published
        String vendor = create(platform, "vendors", json("name", "Scenario Software Inc", "countryCode", "US",
                "currency", "eur"));
        String vendorToken = userOf(platform, vendor, "VENDOR_ADMIN");
        String listing = catalog(vendorToken, "/api/v1/listings", """
                {"vendorId": "%s", "vendor": "direct", "name": "Scenario Analytics", "currency": "eur", "dimensions": [
                  {"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001},
                  {"key": "storage_gb", "title": "Storage", "unit": "GB-month", "pricePerUnit": 0.25, "decimals": 3}]}"""
                .formatted(vendor), 201).getString("data.id");
        catalog(vendorToken, "/api/v1/articles", """
                {"vendorId": "%s", "sku": "SC-ANALYTICS-1Y", "shortDescription": "Scenario Analytics, annual",
                 "contractType": "SUBSCRIPTION", "contractTerm": 12, "supportedOrderTypes": ["INITIAL", "RENEWAL", "ADD_SEAT"],
                 "startDate": "2026-01-01", "purPrice": {"eur": 900}, "srpPrice": {"eur": 1200}}""".formatted(vendor), 201);
        String plan = catalog(vendorToken, "/api/v1/plans", """
                {"vendorId": "%s", "name": "Scenario Team", "description": "Seats and API calls", "currency": "eur",
                 "pricingPeriod": "MONTHLY", "listingId": "%s", "priceDefinitions": [
                  {"costTypeCategory": "RECURRING", "pricingStrategy": "UNIT", "unit": "USER",
                   "priceRanges": [{"min": 0, "salePrice": %s, "wholeSalePrice": %s}]},
                  {"costTypeCategory": "USAGE", "pricingStrategy": "TIERED", "unit": "CALL", "listingId": "%s",
                   "dimensionKey": "api_calls", "priceRanges": [{"min": 0, "max": %s, "salePrice": %s},
                   {"min": %s, "salePrice": %s}]}]}""".formatted(vendor, listing, SEAT_PRICE, SEAT_WHOLESALE, listing,
                FIRST_TIER_LIMIT, FIRST_TIER_PRICE, FIRST_TIER_LIMIT, NEXT_TIER_PRICE), 201).getString("data.id");
        catalog(vendorToken, "/api/v1/plans/" + plan + "/publish", null, 200);

        // the private offer, sent by the vendor and accepted by the tenant
        String offer = catalog(vendorToken, "/api/v1/private-offers", """
                {"listingId": "%s", "customerId": "%s", "title": "Analytics for Scenario Manufacturing",
                 "pricing": {"discountPercentage": 15, "duration": 12}}""".formatted(listing, tenant), 201)
                .getString("data.id");
        catalog(vendorToken, "/api/v1/private-offers/" + offer + "/send", null, 200);
        catalog(tenantToken, "/api/v1/private-offers/" + offer + "/accept", null, 200);

        // order-service turns the acceptance into an INITIAL transaction, a subscription and an entitlement
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                get(tenantToken, "order", "/api/v1/transactions")
                        .getList("data.findAll { it.status == 'PROCESSED' && it.orderType == 'INITIAL' }"))
                .isNotEmpty());
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                get(tenantToken, "order", "/api/v1/entitlements?customerId=" + tenant).getList("data.listingId"))
                .contains(listing));
        assertThat(get(tenantToken, "order", "/api/v1/subscriptions").getList("data")).isNotEmpty();

        // notifications: the tenant and its partner hear of it, each delivery verifiable; the foreign partner hears nothing
        Set<String> sold = Set.of("privateOffer.accepted", "transaction.processed", "subscription.created",
                "entitlement.updated");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(eventsAt("tenant")).containsAll(sold);
            assertThat(eventsAt("partner")).containsAll(sold).contains("customer.created");
        });
        Thread.sleep(3000); // anything misrouted would have arrived with the rest
        assertThat(eventsAt("foreign")).isEmpty();
        assertEveryDeliverySigned(allSecrets);
        assertThat(DELIVERIES.stream().filter(delivery -> delivery.endpoint().equals("partner")
                        && delivery.event().equals("customer.created")
                        && tenant.equals(JsonPath.from(delivery.body()).getString("data.id")))
                .map(delivery -> delivery.header("webhook-id")).distinct().count())
                .as("the partner is told of the tenant's creation, once").isOne();
        world = new World(distributor, partner, partnerToken, tenant, tenantToken, vendor, vendorToken, listing,
                Map.copyOf(allSecrets));
    }

    @Test
    @Order(2)
    void usageBecomesAFinalizedInvoiceCommissionsAndADebitNote() {
        World w = world();
        String platform = SUITE.adminToken();

        // beside the metered subscription of the offer, the partner sells the tenant support priced by its SRP
        catalog(w.vendorToken(), "/api/v1/articles", """
                {"vendorId": "%s", "sku": "SC-SUPPORT-1Y", "shortDescription": "Scenario support, annual",
                 "contractType": "SUBSCRIPTION", "contractTerm": 12, "supportedOrderTypes": ["INITIAL", "RENEWAL"],
                 "startDate": "2026-01-01", "purPrice": {"eur": %s}, "srpPrice": {"eur": %s}}"""
                .formatted(w.vendor(), SUPPORT_PUR, SUPPORT_SRP), 201);
        String csn = get(w.partnerToken(), "identity", "/api/v1/tenants/" + w.tenant()).getString("data.customerNumber");
        order(w.partnerToken(), "INITIAL", """
                {"deliveryDate": "%s", "purchaseOrderNumber": "SCN-SUPPORT", "resellerSiteId": "SCENARIO",
                 "contactFirstName": "Aino", "contactLastName": "Virtanen", "contactEmail": "aino@scenario.example",
                 "customerCsn": "%s", "customerName": "Scenario Manufacturing Oy",
                 "items": [{"sku": "SC-SUPPORT-1Y", "quantity": %d, "price": %s}]}""".formatted(today(), csn,
                SUPPORT_UNITS, SUPPORT_PUR.multiply(BigDecimal.valueOf(SUPPORT_UNITS))));
        JsonPath metered = subscription(w, "SC-ANALYTICS-1Y");
        JsonPath support = subscription(w, "SC-SUPPORT-1Y");

        // the vendor reports an hour of the tenant's usage in the three shapes, every report sent twice
        Instant hour = businessNow().truncatedTo(ChronoUnit.HOURS);
        YearMonth month = YearMonth.from(hour.atZone(ZoneOffset.UTC));
        String vendor = w.vendorToken();
        for (int copy = 0; copy < 2; copy++) {
            for (String[] single : new String[][] {{"scn-single-1", "200"}, {"scn-single-2", "150"}, {"scn-single-3", "50"}}) {
                if (copy == 1 && single[0].equals("scn-single-3")) {
                    continue; // two of the three events are sent again
                }
                meter(vendor, "/api/v1/metering-event", null, usageEvent(w, single[0], "api_calls", single[1], hour), 202);
            }
            meter(vendor, "/api/v1/metering", "scn-hourly-" + w.tenant(), """
                    {"vendor": "direct", "listingId": "%s", "details": {"customer": {"id": "%s"}, "reportingDate": "%s",
                     "usages": [{"apiKey": "api_calls", "units": 400, "title": "API calls"},
                                {"apiKey": "storage_gb", "units": 2.5, "title": "Storage"}]}}"""
                    .formatted(w.listing(), w.tenant(), hour), 200)
                    .then().body("data.accepted", org.hamcrest.Matchers.equalTo(2));
            meter(vendor, "/api/v1/usage", null, "{\"events\": [%s, %s, %s]}".formatted(
                    usageEvent(w, "scn-batch-1", "api_calls", "300", hour),
                    usageEvent(w, "scn-batch-2", "api_calls", "250", hour),
                    usageEvent(w, "scn-batch-3", "storage_gb", "1.25", hour)), 200)
                    .then().body("data.accepted", org.hamcrest.Matchers.equalTo(3));
        }
        BigDecimal calls = new BigDecimal("1350"); // 200 + 150 + 50 + 400 + 300 + 250, each event once
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(usage(w.tenantToken(), w, month))
                .containsEntry("api_calls", calls.stripTrailingZeros()).containsEntry("storage_gb", new BigDecimal("3.75")));

        // business time leaves the hour (and its grace) and the tenant's billing period (billing day 1: the month)
        LocalDate periodStart = month.atDay(1);
        LocalDate periodEnd = month.plusMonths(1).atDay(1);
        advanceClocksTo(periodEnd.atTime(2, 0).toInstant(ZoneOffset.UTC));
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(get(platform, "billing",
                "/api/v1/billing/summary?period=" + month + "&customerId=" + w.tenant())
                .getList("data.usage.findAll { it.dimension == 'api_calls' }.quantity", BigDecimal.class).stream()
                .map(BigDecimal::stripTrailingZeros)).as("closed hours of usage billing holds")
                .containsExactly(calls.stripTrailingZeros()));

        // what the invoice must say, from the prices this test set (billing-service README, "Rating")
        long periodDays = ChronoUnit.DAYS.between(periodStart, periodEnd);
        BigDecimal seatShare = share(ChronoUnit.DAYS.between(later(periodStart, date(metered, "startDate")), periodEnd),
                periodDays);
        BigDecimal recurring = cents(SEAT_PRICE.multiply(seatShare));
        BigDecimal recurringWholesale = cents(SEAT_WHOLESALE.multiply(seatShare));
        BigDecimal usageAmount = tiered(calls);
        LocalDate supportStart = date(support, "startDate");
        BigDecimal supportShare = share(ChronoUnit.DAYS.between(later(periodStart, supportStart), periodEnd),
                ChronoUnit.DAYS.between(supportStart, date(support, "endDate").plusDays(1)));
        BigDecimal units = BigDecimal.valueOf(SUPPORT_UNITS);
        BigDecimal supportAmount = cents(SUPPORT_SRP.multiply(units).multiply(supportShare));
        BigDecimal supportWholesale = cents(SUPPORT_PUR.multiply(units).multiply(supportShare));
        BigDecimal total = recurring.add(usageAmount).add(supportAmount);

        // the platform's billing run makes a draft, which is then finalized with its number
        Response run = given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body("{\"period\": \"" + month + "\", \"finalize\": false}").post(SUITE.url("billing") + "/api/v1/billing-runs");
        assertThat(run.statusCode()).as("billing run: %s", run.asString()).isEqualTo(200);
        String invoiceId = get(platform, "billing", "/api/v1/invoices?customerId=" + w.tenant() + "&period=" + month)
                .getString("data[0].id");
        assertThat(run.jsonPath().getList("data.invoiceIds")).contains(invoiceId);
        given().auth().oauth2(platform).post(SUITE.url("billing") + "/api/v1/invoices/" + invoiceId + "/finalize")
                .then().statusCode(200);
        JsonPath invoice = get(w.tenantToken(), "billing", "/api/v1/invoices/" + invoiceId);
        assertThat(invoice.getString("data.status")).isEqualTo("FINALIZED");
        assertThat(invoice.getLong("data.number")).isPositive();
        assertThat(invoice.getString("data.issuerId")).isEqualTo(w.partner());
        assertThat(money(invoice, "data.total")).as("invoice total").isEqualTo(total);
        assertThat(money(invoice, "data.lines.find { it.kind == 'RECURRING' && it.subscriptionId == '"
                + metered.getString("data.id") + "' }.amount")).as("plan recurring").isEqualTo(recurring);
        assertThat(money(invoice, "data.lines.find { it.kind == 'USAGE' }.amount")).as("tiered usage").isEqualTo(usageAmount);
        assertThat(money(invoice, "data.lines.find { it.kind == 'USAGE' }.quantity")).isEqualByComparingTo(calls);
        assertThat(money(invoice, "data.lines.find { it.subscriptionId == '" + support.getString("data.id") + "' }.amount"))
                .as("SRP line").isEqualTo(supportAmount);
        assertThat(invoice.getList("data.lines")).as("storage has no usage price: not charged").hasSize(3);

        // commissions: margins of the recurring and SRP lines (usage has no wholesale price), the platform's fee on all
        BigDecimal recurringMargin = recurring.subtract(recurringWholesale);
        BigDecimal supportMargin = supportAmount.subtract(supportWholesale);
        BigDecimal partnerShare = BigDecimal.ONE.subtract(DISTRIBUTOR_SHARE);
        Map<String, BigDecimal> earned = Map.of(
                w.partner(), cents(recurringMargin.multiply(partnerShare)).add(cents(supportMargin.multiply(partnerShare))),
                w.distributor(), cents(recurringMargin.multiply(DISTRIBUTOR_SHARE)).add(cents(supportMargin.multiply(DISTRIBUTOR_SHARE))),
                "platform", cents(recurring.multiply(PLATFORM_FEE)).add(cents(usageAmount.multiply(PLATFORM_FEE)))
                        .add(cents(supportAmount.multiply(PLATFORM_FEE))));
        JsonPath summary = get(platform, "billing", "/api/v1/commissions/summary?period=" + month);
        for (String beneficiary : List.of(w.partner(), w.distributor())) {
            assertThat(money(summary, "data.beneficiaries.find { it.organizationId == '" + beneficiary + "' }.earned"))
                    .as("commission of %s", beneficiary).isEqualTo(earned.get(beneficiary));
        }
        assertThat(money(summary, "data.beneficiaries.find { it.kind == 'PLATFORM' }.earned")).as("platform fee")
                .isEqualTo(earned.get("platform"));
        assertThat(get(w.partnerToken(), "billing", "/api/v1/commissions?invoiceId=" + invoiceId)
                .getList("data.beneficiaryId", String.class)).as("a partner sees its own entries only")
                .isNotEmpty().containsOnly(w.partner());

        // late usage of the invoiced month, within the backdating window: a debit note for the difference
        Instant lastHour = periodEnd.atStartOfDay().toInstant(ZoneOffset.UTC).minus(Duration.ofHours(1));
        meter(vendor, "/api/v1/metering-event", null, usageEvent(w, "scn-late-1", "api_calls", "250", lastHour), 202);
        BigDecimal debit = tiered(calls.add(new BigDecimal("250"))).subtract(usageAmount);
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(
                get(w.tenantToken(), "billing", "/api/v1/credit-notes?invoiceId=" + invoiceId).getList("data")).hasSize(1));
        JsonPath note = get(w.tenantToken(), "billing", "/api/v1/credit-notes?invoiceId=" + invoiceId);
        assertThat(note.getString("data[0].kind")).isEqualTo("DEBIT");
        assertThat(note.getString("data[0].reason")).isEqualTo("USAGE_CORRECTION");
        assertThat(money(note, "data[0].total")).as("debit note").isEqualTo(debit);
        assertThat(money(get(platform, "billing", "/api/v1/commissions/summary?period=" + month),
                "data.beneficiaries.find { it.kind == 'PLATFORM' }.adjusted")).as("the platform's fee on the debit")
                .isEqualTo(cents(debit.multiply(PLATFORM_FEE)));
        assertThat(money(get(w.tenantToken(), "billing", "/api/v1/invoices/" + invoiceId), "data.total"))
                .as("a finalized invoice never changes").isEqualTo(total);
    }

    @Test
    @Order(3)
    void theContractNearsItsEndIsRenewedAndTheRenewedTermBilled() throws Exception {
        World w = world();
        String platform = SUITE.adminToken();
        JsonPath metered = subscription(w, "SC-ANALYTICS-1Y");
        String contract = metered.getString("data.contractNumber");
        String serial = metered.getString("data.serialNumber");
        LocalDate end = date(metered, "contractEndDate");

        // 90, 60 and 30 days before the end: contract.expiring at the tenant's and the partner's endpoints, once each
        advanceClocksTo(end.minusDays(90).atTime(12, 0).toInstant(ZoneOffset.UTC));
        awaitExpiringNotice(contract, 90);
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(
                get(w.tenantToken(), "order", "/api/v1/opportunities").getList(
                        "data.findAll { it.contractNumber == '" + contract + "' }")).hasSize(1));
        advanceClocks("P30D");
        awaitExpiringNotice(contract, 60);
        advanceClocks("P30D");
        awaitExpiringNotice(contract, 30);
        for (String endpoint : List.of("tenant", "partner")) {
            for (int days : List.of(90, 60, 30)) {
                assertThat(expiring(endpoint, contract, days).stream().map(delivery -> delivery.header("webhook-id"))
                        .distinct().count()).as("%d-day notice at %s", days, endpoint).isOne();
            }
        }
        assertThat(DELIVERIES.stream().filter(delivery -> delivery.endpoint().equals("foreign"))).isEmpty();
        assertEveryDeliverySigned(w.secrets());

        // the partner renews what the opportunity lists; the RENEWAL is processed and consumes it
        JsonPath opportunity = get(w.partnerToken(), "order", "/api/v1/opportunities");
        String opportunityId = opportunity.getString("data.find { it.contractNumber == '" + contract + "' }.id");
        String opportunityNumber = opportunity.getString("data.find { it.contractNumber == '" + contract + "' }.opportunityNumber");
        assertThat(opportunity.getList("data.find { it.contractNumber == '" + contract + "' }.items.serialNumber"))
                .containsExactly(serial);
        JsonPath renewal = order(w.partnerToken(), "RENEWAL", """
                {"deliveryDate": "%s", "purchaseOrderNumber": "SCN-RENEWAL", "resellerSiteId": "SCENARIO",
                 "contactFirstName": "Aino", "contactLastName": "Virtanen", "contactEmail": "aino@scenario.example",
                 "opportunityNumber": "%s",
                 "items": [{"sku": "SC-ANALYTICS-1Y", "quantity": 1, "price": 900, "serialNumber": "%s"}]}"""
                .formatted(today(), opportunityNumber, serial));
        assertThat(renewal.getString("data.opportunityNumber")).isEqualTo(opportunityNumber);
        LocalDate renewedEnd = end.plusDays(1).plusMonths(12).minusDays(1);
        JsonPath closed = get(w.tenantToken(), "order", "/api/v1/opportunities/" + opportunityId);
        assertThat(closed.getString("data.closedAt")).isNotNull();
        assertThat(closed.getString("data.salesStatus")).isEqualTo("RENEW_BUYING_AS_IS");
        assertThat(date(get(w.tenantToken(), "order", "/api/v1/subscriptions/" + serial), "data.endDate"))
                .isEqualTo(renewedEnd);

        // a month wholly after the first term is billed for the renewed subscription
        YearMonth month = YearMonth.from(end).plusMonths(1);
        LocalDate periodEnd = month.plusMonths(1).atDay(1);
        advanceClocksTo(periodEnd.atTime(2, 0).toInstant(ZoneOffset.UTC));
        String subscriptionId = metered.getString("data.id");
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(money(get(platform, "billing",
                "/api/v1/billing/summary?period=" + month + "&subscriptionId=" + subscriptionId), "data.total"))
                .as("billing knows the renewed term").isPositive());
        given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body("{\"period\": \"" + month + "\", \"finalize\": true}").post(SUITE.url("billing") + "/api/v1/billing-runs")
                .then().statusCode(200);
        JsonPath invoice = get(w.tenantToken(), "billing", "/api/v1/invoices/" + get(platform, "billing",
                "/api/v1/invoices?customerId=" + w.tenant() + "&period=" + month).getString("data[0].id"));
        assertThat(invoice.getString("data.status")).isEqualTo("FINALIZED");
        String line = "data.lines.find { it.subscriptionId == '" + subscriptionId + "' }";
        assertThat(invoice.getString(line + ".kind")).isEqualTo("RECURRING");
        assertThat(invoice.getString(line + ".serviceFrom")).isEqualTo(month.atDay(1).toString());
        assertThat(invoice.getString(line + ".serviceTo")).isEqualTo(periodEnd.toString());
        assertThat(money(invoice, line + ".amount")).as("a whole month of the renewed seat").isEqualTo(cents(SEAT_PRICE));
    }

    // ---- business time ---------------------------------------------------------------------------------------

    private static World world() {
        assertThat(world).as("scenario 1 built the world the later scenarios go on with").isNotNull();
        return world;
    }

    private static Instant businessNow() {
        return Instant.parse(get(SUITE.adminToken(), "order", "/api/v1/test-clock").getString("data.now"));
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(businessNow(), ZoneOffset.UTC);
    }

    /** Moves every service's business clock forward to {@code target}, by one step for all six. */
    private static void advanceClocksTo(Instant target) {
        Duration step = Duration.between(businessNow(), target);
        assertThat(step).as("business time is before %s", target).isPositive();
        advanceClocks("PT" + step.toSeconds() + "S");
    }

    /** Moves all six business clocks by {@code step} (as {@code ./mercato clock} does); they stay the same. */
    private static void advanceClocks(String step) {
        String platform = SUITE.adminToken();
        for (String service : Suite.SERVICES) {
            given().auth().oauth2(platform).contentType(ContentType.JSON).body(json("advanceBy", step))
                    .post(SUITE.url(service) + "/api/v1/test-clock").then().statusCode(200);
        }
        assertThat(Suite.SERVICES.stream().map(service -> get(platform, service, "/api/v1/test-clock")
                .getString("data.offset")).distinct()).as("every service's offset").hasSize(1);
    }

    // ---- usage, orders and money -------------------------------------------------------------------------------

    private static String usageEvent(World w, String eventId, String dimension, String quantity, Instant timestamp) {
        return """
                {"vendor": "direct", "customerId": "%s", "listingId": "%s", "dimension": "%s", "quantity": %s,
                 "timestamp": "%s", "eventId": "%s"}""".formatted(w.tenant(), w.listing(), dimension, quantity, timestamp,
                eventId);
    }

    /** A usage report to metering-service, answered {@code expected}. */
    private static Response meter(String token, String path, String idempotencyKey, String body, int expected) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        Response answer = (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey))
                .post(SUITE.url("metering") + path);
        assertThat(answer.statusCode()).as("POST %s: %s", path, answer.asString()).isEqualTo(expected);
        return answer;
    }

    /** The tenant's usage of the listing in {@code month} per dimension, as metering-service sums it. */
    private static Map<String, BigDecimal> usage(String token, World w, YearMonth month) {
        JsonPath summary = get(token, "metering", "/api/v1/usage/summary?granularity=month&customer=" + w.tenant()
                + "&listing=" + w.listing() + "&from=" + month.atDay(1) + "&to=" + month.plusMonths(1).atDay(1));
        return summary.getList("data", Map.class).stream().collect(Collectors.toMap(
                row -> (String) row.get("dimension"), row -> new BigDecimal(row.get("sum").toString()), BigDecimal::add))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().stripTrailingZeros()));
    }

    /**
     * Places an order of {@code type} (retried while order-service has not yet read the customer or article it
     * names, 422) and waits until it is processed; answers the processed transaction.
     */
    private static JsonPath order(String token, String type, String body) {
        Response[] placed = new Response[1];
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            placed[0] = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post(SUITE.url("order") + "/api/v1/transactions?type=" + type);
            return placed[0].statusCode() != 422;
        });
        assertThat(placed[0].statusCode()).as("%s order: %s", type, placed[0].asString()).isEqualTo(202);
        String id = placed[0].path("data.id");
        JsonPath[] transaction = new JsonPath[1];
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            transaction[0] = get(token, "order", "/api/v1/transactions/" + id);
            assertThat(transaction[0].getString("data.status")).as(transaction[0].getString("data.statusMessage"))
                    .isIn("PROCESSED", "REJECTED");
        });
        assertThat(transaction[0].getString("data.status")).as(transaction[0].getString("data.statusMessage"))
                .isEqualTo("PROCESSED");
        return transaction[0];
    }

    /** The tenant's subscription of {@code sku}, as order-service shows it (once there is one). */
    private static JsonPath subscription(World w, String sku) {
        String[] serial = new String[1];
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            serial[0] = get(w.tenantToken(), "order", "/api/v1/subscriptions")
                    .getString("data.find { it.renewalSku == '" + sku + "' }.serialNumber");
            assertThat(serial[0]).as("subscription of %s", sku).isNotNull();
        });
        return get(w.tenantToken(), "order", "/api/v1/subscriptions/" + serial[0]);
    }

    private static LocalDate date(JsonPath json, String field) {
        return LocalDate.parse(json.getString(field.startsWith("data.") ? field : "data." + field));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static BigDecimal share(long days, long of) {
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(of), MathContext.DECIMAL128);
    }

    /** Rounded once, half-even, to the cent (eur), as every line, total and commission is. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** {@code calls} through the plan's tiers: the first 1,000 at 0.10, the rest at 0.05. */
    private static BigDecimal tiered(BigDecimal calls) {
        BigDecimal first = calls.min(FIRST_TIER_LIMIT);
        return cents(first.multiply(FIRST_TIER_PRICE).add(calls.subtract(first).multiply(NEXT_TIER_PRICE)));
    }

    /** An amount of the answer, exactly as written (never through a binary float), to the cent. */
    private static BigDecimal money(JsonPath json, String path) {
        Object value = json.get(path);
        assertThat(value).as(path).isNotNull();
        return new BigDecimal(value.toString()).setScale(2, RoundingMode.UNNECESSARY);
    }

    // ---- notifications ---------------------------------------------------------------------------------------

    private static List<Delivery> expiring(String endpoint, String contract, int daysBefore) {
        return DELIVERIES.stream().filter(delivery -> delivery.endpoint().equals(endpoint)
                        && delivery.event().equals("contract.expiring")
                        && contract.equals(delivery.json().getString("data.contractNumber"))
                        && delivery.json().getInt("data.daysBefore") == daysBefore)
                .toList();
    }

    private static void awaitExpiringNotice(String contract, int daysBefore) {
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            assertThat(expiring("tenant", contract, daysBefore)).as("%d-day notice at the tenant", daysBefore).isNotEmpty();
            assertThat(expiring("partner", contract, daysBefore)).as("%d-day notice at the partner", daysBefore).isNotEmpty();
        });
    }

    /** Every delivery so far verifies both ways a receiver can: Standard Webhooks and the hex HMAC of the body. */
    private static void assertEveryDeliverySigned(Map<String, String> secrets) throws Exception {
        for (Delivery delivery : DELIVERIES) {
            String secret = secrets.get(delivery.endpoint());
            assertThat(delivery.header("X-Mercato-Signature")).as("hex HMAC of %s", delivery.event())
                    .isEqualTo(hexHmac(secret, delivery.body()));
            new com.standardwebhooks.Webhook(secret).verify(delivery.body(), Map.of(
                    "webhook-id", List.of(delivery.header("webhook-id")),
                    "webhook-timestamp", List.of(delivery.header("webhook-timestamp")),
                    "webhook-signature", List.of(delivery.header("webhook-signature"))));
        }
    }

    // ---- the actors' calls ---------------------------------------------------------------------------------

    private static String create(String token, String collection, String body) {
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(SUITE.url("identity") + "/api/v1/" + collection);
        assertThat(created.statusCode()).as("POST %s: %s", collection, created.asString()).isEqualTo(201);
        return created.path("data.id");
    }

    /** Creates an admin user of {@code organization} with {@code role} and answers its access token (password login). */
    private static String userOf(String token, String organization, String role) {
        String email = role.toLowerCase() + "." + organization.substring(organization.length() - 8) + "@scenario.example";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(json("email", email, "name", role,
                        "role", role, "password", PASSWORD, "organizationId", organization))
                .post(SUITE.url("identity") + "/api/v1/users").then().statusCode(201);
        return given().contentType(ContentType.JSON).body(json("email", email, "password", PASSWORD))
                .post(SUITE.url("identity") + "/api/v1/auth/login")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A webhook endpoint of the caller's organization (with its descendants) at the receiver; answers its secret. */
    private static String endpoint(String token, String name) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + name;
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(json("url", url, "description", name + " receiver").replace("}", ", \"includeDescendants\": true}"))
                .post(SUITE.url("webhook") + "/api/v1/webhooks").then().statusCode(201).extract().path("data.secret");
    }

    /** A catalog call, retried while catalog-service has not yet read the organizations it names (4xx). */
    private static JsonPath catalog(String token, String path, String body, int expected) {
        Response[] answer = new Response[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var request = given().auth().oauth2(token).contentType(ContentType.JSON);
            answer[0] = (body == null ? request : request.body(body)).post(SUITE.url("catalog") + path);
            return answer[0].statusCode() == expected || answer[0].statusCode() >= 500;
        });
        assertThat(answer[0].statusCode()).as("POST %s: %s", path, answer[0].asString()).isEqualTo(expected);
        return answer[0].jsonPath();
    }

    /** A read, answered 200; numbers as written (BigDecimal), never through a binary float. */
    private static JsonPath get(String token, String service, String path) {
        return given().auth().oauth2(token).get(SUITE.url(service) + path).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Set<String> eventsAt(String endpoint) {
        return DELIVERIES.stream().filter(delivery -> delivery.endpoint().equals(endpoint)).map(Delivery::event)
                .collect(Collectors.toSet());
    }

    /** A JSON object of string members (this module has no JSON library but rest-assured's reader). */
    private static String json(String... namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append(quoted(namesAndValues[i])).append(": ").append(quoted(namesAndValues[i + 1]));
        }
        return json.append('}').toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String hexHmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
