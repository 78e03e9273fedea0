package dev.mercato.catalog.article;

import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Creating, changing, reading and listing articles, their rules, and the snapshots they publish. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleResourceTest {

    /** Reads amounts exactly as written, trailing zeros included. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final TestOrganization platform = OrganizationEvents.PLATFORM;
    private final TestOrganization vendor = platform.child("VENDOR");
    private final TestOrganization tenant = platform.child("DISTRIBUTOR").child("PARTNER").child("TENANT");
    private final String admin = TestTokens.forRole(Role.PLATFORM_ADMIN, platform);

    @BeforeAll
    void publishTheVendorAndATenant() {
        OrganizationEvents.send(vendor, "Vendor " + vendor.id(), "FI", 0);
        OrganizationEvents.send(tenant, "Tenant " + tenant.id(), "FI", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from directory_organization where id in (?, ?)", vendor.id(), tenant.id()) == 2);
    }

    @Test
    void createsAnArticleWithEveryAttributeAndPublishesItsSnapshot() throws Exception {
        String sku = Articles.newSku("128O1");
        String body = """
                {"sku": "%s", "materialDescription": "3D Modelling Commercial New Single-user Annual Subscription",
                 "shortDescription": "Modeller Single", "fullDescription": "Modeller - Annual Subscription",
                 "productLineCode": "MODEL", "productLineDesc": "Modeller", "shortProductLineDesc": "Modeller",
                 "earnbackType": "PPI", "supportType": "ADVANCED", "deployment": "SINGLE_USER",
                 "contractType": "SUBSCRIPTION", "contractTerm": 12, "packSize": 1, "materialType": "NEW",
                 "materialGroup": "SUBSCRIPTION", "productGroup": "ME", "discountClassification": "CAT-D - TYPE11",
                 "media": "ELD", "operatingSystem": "WIN", "productStatus": "ACTIVE", "productSubCat": "D-COMTNA",
                 "productRelease": "2023", "productType": "STANDALONE", "productDivision": "ME", "iconGroup": "3DS",
                 "productRewardsCategory": "Vertical", "accessGroup": "Primary", "minimumPurchaseRequirement": true,
                 "ppiEligibility": true, "pviEligibility": false, "rpiEligibility": true,
                 "premiumEligibleProductLine": true, "premiumEligibleSku": true,
                 "supportedOrderTypes": ["ADD_SEAT", "INITIAL", "ADD_PRODUCT"],
                 "links": [{"sku": "%s", "orderType": "ADD_SEAT"}],
                 "startDate": "2026-01-01", "endDate": "2027-12-31", "promoName": "Launch",
                 "purPrice": {"eur": 1750}, "srpPrice": {"sek": "15000", "eur": 1750.50, "jpy": 250000}}"""
                .formatted(sku, sku);
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles");
        created.then().statusCode(201)
                .body("data.sku", equalTo(sku))
                .body("data.object", equalTo("article"))
                .body("data.ownerId", equalTo(platform.id()))
                .body("data.deployment", equalTo("SINGLE_USER"))
                .body("data.contractTerm", equalTo(12))
                .body("data.productDivision", equalTo("ME"))
                .body("data.premiumEligibleSku", equalTo(true))
                .body("data.pviEligibility", equalTo(false))
                .body("data.supportedOrderTypes", equalTo(List.of("INITIAL", "ADD_SEAT", "ADD_PRODUCT")))
                .body("data.startDate", equalTo("2026-01-01"))
                .body("data.endDate", equalTo("2027-12-31"))
                .body("data.promoName", equalTo("Launch"))
                .body("data.links[0].sku", equalTo(sku))
                .body("data.links[0].orderType", equalTo("ADD_SEAT"))
                .body("data.version", equalTo(0));
        JsonNode data = JSON.readTree(created.asString()).path("data");
        assertThat(data.path("purPrice").toString()).isEqualTo("{\"eur\":1750}");
        assertThat(data.path("srpPrice").toString()).isEqualTo("{\"eur\":1750.50,\"jpy\":250000,\"sek\":15000}");
        assertThat(data.path("links").get(0).path("srpPrice").path("eur").decimalValue()).isEqualByComparingTo("1750.50");
        String id = data.path("id").asText();
        assertThat(id).startsWith("art_");
        assertThat(TestSql.number("select count(*) from article_price where article_id = ?", id)).isEqualTo(4);

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("catalog.articles", r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(header(record, "ce_type")).isEqualTo("mercato.catalog.article.changed.v1");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("sku").asText()).isEqualTo(sku);
        assertThat(event.path("purPrice").path("eur").decimalValue()).isEqualByComparingTo("1750");
        assertThat(event.path("srpPrice").path("sek").decimalValue()).isEqualByComparingTo("15000");
        assertThat(event.path("supportedOrderTypes").toString()).isEqualTo("[\"INITIAL\",\"ADD_SEAT\",\"ADD_PRODUCT\"]");
        assertThat(event.path("links").toString()).isEqualTo("[{\"sku\":\"" + sku + "\",\"orderType\":\"ADD_SEAT\"}]");
        assertThat(event.path("startDate").asText()).isEqualTo("2026-01-01");
        assertThat(event.path("endDate").asText()).isEqualTo("2027-12-31");
    }

    @Test
    void aTokenPackCarriesItsTokensInTheArticleAndItsSnapshot() throws Exception {
        String sku = Articles.newSku("TOK");
        String id = Articles.create(admin, """
                {"sku": "%s", "shortDescription": "1,000 prepaid tokens", "tokens": 1000, "purPrice": {"eur": 900}}"""
                .formatted(sku)).statusCode(201).body("data.tokens", equalTo(1000)).extract().path("data.id");
        JsonNode created = JSON.readTree(TestKafka.awaitRecord("catalog.articles", r -> id.equals(r.key()),
                Duration.ofSeconds(30)).value());
        assertThat(created.path("tokens").decimalValue()).isEqualByComparingTo("1000");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"tokens\": 2500.5}")
                .patch("/api/v1/articles/" + sku).then().statusCode(200).body("data.tokens", equalTo(2500.5f));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"tokens\": -1}")
                .patch("/api/v1/articles/" + sku).then().statusCode(400).body("errors[0].field", equalTo("tokens"));
        assertThat(TestSql.number("select count(*) from article where sku = ? and tokens = 2500.5", sku)).isEqualTo(1);
    }

    @Test
    void showsEachLinkWithTheLinkedArticlesSummaryAndPrices() {
        String renewal = Articles.newSku("REN");
        Articles.create(admin, """
                {"sku": "%s", "shortDescription": "Renewal Single", "productLineDesc": "Modeller", "contractTerm": 12,
                 "deployment": "SINGLE_USER", "packSize": 5, "purPrice": {"eur": 1500}, "srpPrice": {"eur": 1700, "nok": 15000}}"""
                .formatted(renewal)).statusCode(201);
        String sku = Articles.newSku("NEW");
        Articles.create(admin, """
                {"sku": "%s", "links": [{"sku": "%s", "orderType": "RENEWAL"}, {"sku": "%s", "orderType": "INITIAL"}],
                 "purPrice": {"eur": 1750}}""".formatted(sku, renewal, sku)).statusCode(201);

        given().auth().oauth2(TestTokens.forRole(Role.TENANT_READER, tenant)).get("/api/v1/articles/" + sku)
                .then().statusCode(200)
                .body("data.links", hasSize(2))
                .body("data.links[0].sku", equalTo(renewal))
                .body("data.links[0].orderType", equalTo("RENEWAL"))
                .body("data.links[0].shortDescription", equalTo("Renewal Single"))
                .body("data.links[0].packSize", equalTo(5))
                .body("data.links[0].purPrice.eur", equalTo(1500))
                .body("data.links[0].srpPrice.nok", equalTo(15000))
                .body("data.links[1].sku", equalTo(sku))
                .body("data.links[1].purPrice.eur", equalTo(1750));
    }

    @Test
    void refusesEveryBrokenRuleNamingTheFieldAndStoresNothing() {
        String existing = Articles.newSku("EXI");
        Articles.createSimple(admin, existing);
        Map<String, String> cases = new TreeMap<>();
        cases.put("purPrice.xxx", "\"purPrice\": {\"xxx\": 10}");
        cases.put("purPrice.eur", "\"purPrice\": {\"eur\": -1}");
        cases.put("srpPrice.eur", "\"srpPrice\": {\"eur\": 1000000000000.01}");
        cases.put("srpPrice.usd", "\"srpPrice\": {\"usd\": 10.999}");
        cases.put("purPrice.jpy", "\"purPrice\": {\"jpy\": 1.5}");
        cases.put("purPrice.EUR", "\"purPrice\": {\"EUR\": 10}");
        cases.put("srpPrice.sek", "\"srpPrice\": {\"sek\": null}");
        cases.put("endDate", "\"startDate\": \"2026-05-01\", \"endDate\": \"2026-04-30\"");
        cases.put("startDate", "\"startDate\": \"2026-02-30\"");
        cases.put("links[0].sku", "\"links\": [{\"sku\": \"NO-SUCH-SKU-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"orderType\": \"RENEWAL\"}]");
        cases.put("links[1]", "\"links\": [{\"sku\": \"" + existing + "\", \"orderType\": \"RENEWAL\"},"
                + " {\"sku\": \"" + existing + "\", \"orderType\": \"RENEWAL\"}]");
        cases.put("links[0].orderType", "\"links\": [{\"sku\": \"" + existing + "\", \"orderType\": \"LEASE\"}]");
        cases.put("supportedOrderTypes[0]", "\"supportedOrderTypes\": [\"TRADE\"]");
        cases.put("deployment", "\"deployment\": \"CLOUD\"");
        cases.put("packSize", "\"packSize\": 0");
        cases.put("contractTerm", "\"contractTerm\": \"12\"");
        cases.put("vendorId", "\"vendorId\": \"" + tenant.id() + "\"");
        cases.put("promoName", "\"promoName\": \"\"");
        cases.put("tokens", "\"tokens\": 0");
        List<String> failures = new ArrayList<>();
        cases.forEach((field, fragment) -> {
            String sku = Articles.newSku("BAD");
            Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"sku\": \"" + sku + "\", " + fragment + "}").post("/api/v1/articles");
            String named = answer.statusCode() == 400 ? answer.path("errors[0].field") : null;
            if (!field.equals(named)) {
                failures.add(field + ": " + answer.statusCode() + " " + answer.asString());
            }
            if (TestSql.number("select count(*) from article where sku = ?", sku) != 0) {
                failures.add(field + ": stored");
            }
        });
        for (String sku : List.of("", "A".repeat(36), "-LEADING-DASH", "WITH SPACE", "SLASH/SKU")) {
            Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"sku\": \"" + sku + "\"}").post("/api/v1/articles");
            if (answer.statusCode() != 400 || !"sku".equals(answer.path("errors[0].field"))) {
                failures.add("sku '" + sku + "': " + answer.statusCode() + " " + answer.asString());
            }
        }
        assertThat(failures).isEmpty();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"endDate\": \"2000-01-01\", \"startDate\": \"2001-01-01\"}")
                .patch("/api/v1/articles/" + existing)
                .then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"srpPrice\": {\"gbp\": -5}}")
                .patch("/api/v1/articles/" + existing)
                .then().statusCode(400).body("errors[0].field", equalTo("srpPrice.gbp"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"sku\": \"RENAMED\"}")
                .patch("/api/v1/articles/" + existing)
                .then().statusCode(400).body("errors[0].field", equalTo("sku"));
        given().auth().oauth2(admin).get("/api/v1/articles/" + existing)
                .then().statusCode(200).body("data.srpPrice.eur", equalTo(120)).body("data.version", equalTo(0));
    }

    @Test
    void listsWhatCanBeOrderedOnADayWithOpenEndsAllowed() {
        String line = "LINE" + UUID.randomUUID().toString().substring(0, 8);
        String year = window(line, "2030-01-01", "2030-12-31");
        String untilJune = window(line, null, "2030-06-30");
        String fromJuly = window(line, "2030-07-01", null);
        String always = window(line, null, null);
        String promo = window(line, "2030-03-01", "2030-03-07");

        assertOrderable(line, "2030-03-01", year, untilJune, always, promo);
        assertOrderable(line, "2030-03-08", year, untilJune, always);
        assertOrderable(line, "2030-07-01", year, fromJuly, always);
        assertOrderable(line, "2031-01-01", fromJuly, always);
        assertOrderable(line, "2029-12-31", untilJune, always);
        given().auth().oauth2(admin).queryParam("orderableOn", "next week").get("/api/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("orderableOn"));
    }

    @Test
    void createsOnceForOneIdempotencyKeyAndRefusesASecondArticleWithTheSku() {
        String sku = Articles.newSku("IDEM");
        String body = "{\"sku\": \"" + sku + "\", \"purPrice\": {\"eur\": 99.90}}";
        String key = "article-" + UUID.randomUUID();
        String first = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/articles").then().statusCode(201).extract().path("data.id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/articles")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("data.id", equalTo(first));
        assertThat(TestSql.number("select count(*) from article where sku = ?", sku)).isEqualTo(1);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(409).body("message", equalTo("An article with SKU '" + sku + "' already exists"));
        assertThat(TestSql.number("select count(*) from article where sku = ?", sku)).isEqualTo(1);
    }

    @Test
    void letsOneOfManyConcurrentChangesOfAVersionWinAndAnswersTheOthers409() throws Exception {
        String sku = Articles.newSku("RACE");
        Articles.createSimple(admin, sku);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "{\"version\": 0, \"shortDescription\": \"writer " + i + "\", \"purPrice\": {\"eur\": " + i + "}}";
                Callable<Response> patch = () -> {
                    start.await();
                    return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                            .patch("/api/v1/articles/" + sku);
                };
                answers.add(pool.submit(patch));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertThat(response.statusCode()).as(response.asString()).isIn(200, 409);
                assertThat(response.asString()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql");
            }
            assertThat(statuses).isEqualTo(Map.of(200, 1, 409, writers - 1));
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(admin).get("/api/v1/articles/" + sku)
                .then().statusCode(200).body("data.version", equalTo(1));
        assertThat(TestSql.number("select count(*) from article_price a join article b on b.id = a.article_id"
                + " where b.sku = ? and a.price_list = 'PUR'", sku)).isEqualTo(1);
    }

    @Test
    void thePlatformCreatesAnArticleForAVendorWhichTheVendorThenChanges() throws Exception {
        String sku = Articles.newSku("FORV");
        String id = Articles.create(admin, "{\"sku\": \"" + sku + "\", \"vendorId\": \"" + vendor.id() + "\"}")
                .statusCode(201).body("data.ownerId", equalTo(vendor.id())).extract().path("data.id");
        assertThat(TestSql.rows("select owner_path from article where id = ?", id).get(0).get("owner_path"))
                .isEqualTo(vendor.path());

        given().auth().oauth2(TestTokens.forRole(Role.VENDOR_ADMIN, vendor)).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"purPrice\": {\"usd\": 12.5}, \"endDate\": \"2031-01-31\"}")
                .patch("/api/v1/articles/" + sku)
                .then().statusCode(200).body("data.purPrice.usd", equalTo(12.5f)).body("data.version", equalTo(1));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"version\": 0, \"promoName\": \"Late\"}")
                .patch("/api/v1/articles/" + sku)
                .then().statusCode(409);

        ConsumerRecord<String, String> changed = TestKafka.awaitRecord("catalog.articles",
                r -> id.equals(r.key()) && r.value().contains("\"version\":1"), Duration.ofSeconds(30));
        JsonNode event = JSON.readTree(changed.value());
        assertThat(event.path("purPrice").toString()).isEqualTo("{\"usd\":12.5}");
        assertThat(event.path("endDate").asText()).isEqualTo("2031-01-31");
        assertThat(event.path("ownerId").asText()).isEqualTo(vendor.id());
    }

    private String window(String line, String startDate, String endDate) {
        String sku = Articles.newSku("WIN");
        Articles.create(admin, "{\"sku\": \"%s\", \"productLineCode\": \"%s\", \"startDate\": %s, \"endDate\": %s}"
                .formatted(sku, line, quoted(startDate), quoted(endDate))).statusCode(201);
        return sku;
    }

    private void assertOrderable(String line, String day, String... skus) {
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_READER, tenant))
                .queryParam("productLineCode", line).queryParam("orderableOn", day).queryParam("limit", 100)
                .get("/api/v1/articles")
                .then().statusCode(200).body("data.sku", containsInAnyOrder((Object[]) skus));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

}
