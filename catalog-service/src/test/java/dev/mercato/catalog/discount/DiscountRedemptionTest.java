package dev.mercato.catalog.discount;

import static dev.mercato.catalog.discount.DiscountFixtures.PLATFORM;
import static dev.mercato.catalog.discount.DiscountFixtures.as;
import static dev.mercato.catalog.discount.DiscountFixtures.created;
import static dev.mercato.catalog.discount.DiscountFixtures.percentageBody;
import static dev.mercato.catalog.discount.DiscountFixtures.redeem;
import static dev.mercato.catalog.discount.DiscountFixtures.today;
import static dev.mercato.catalog.discount.DiscountFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Redemptions: counted exactly under concurrency, refused outside the discount's dates and limits. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscountRedemptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final TestOrganization vendor = PLATFORM.child("VENDOR");
    private final TestOrganization tenant = PLATFORM.child("DISTRIBUTOR").child("PARTNER").child("TENANT");
    private String vendorAdmin;
    private String platformAdmin;

    @BeforeAll
    void publishTheVendor() {
        DiscountFixtures.publish(vendor);
        vendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, vendor);
        // one client firing fifty requests at once must not meet the rate limit
        platformAdmin = DiscountFixtures.token(Role.PLATFORM_ADMIN, PLATFORM);
    }

    private Map<String, Object> redemption() {
        return Map.of("customerId", tenant.id(), "reference", "ord_" + DiscountFixtures.uniqueCode());
    }

    @Test
    void fiftyRedemptionsRacingForTheLastFiveLetExactlyFiveThrough() throws Exception {
        String id = created(vendorAdmin, with(percentageBody(), "maxRedemptions", 7));
        redeem(platformAdmin, id, redemption()).then().statusCode(201);
        redeem(platformAdmin, id, redemption()).then().statusCode(201);

        List<CompletableFuture<HttpResponse<String>>> pending = IntStream.range(0, 50)
                .mapToObj(i -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/api/v1/discounts/" + id + "/redemptions"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + platformAdmin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\": \"" + tenant.id()
                                + "\", \"reference\": \"ord_race_" + i + "\"}"))
                        .build())
                .map(request -> CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> answers = pending.stream().map(CompletableFuture::join).toList();

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201)).hasSize(5);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        assertThat(refused).hasSize(45).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(answer.body()).path("message").asText())
                    .isEqualTo("discount " + id + " has reached its maximum of 7 redemptions");
        });
        assertThat(TestSql.number("select redemptions from discount where id = ?", id)).isEqualTo(7);
        assertThat(TestSql.number("select count(*) from discount_redemption where discount_id = ?", id)).isEqualTo(7);
        // a snapshot per redemption, the last one showing the limit reached
        TestKafka.awaitRecord("catalog.discounts", r -> id.equals(r.key()) && r.value().contains("\"redemptions\":7"),
                Duration.ofSeconds(30));
        assertThat(TestKafka.events("catalog.discounts", r -> id.equals(r.key()), Duration.ofSeconds(2))).hasSize(1 + 7);
    }

    @Test
    void publishesTheCountAfterEachRedemption() {
        String id = created(vendorAdmin, percentageBody());

        redeem(platformAdmin, id, with(redemption(), "units", 3)).then().statusCode(201)
                .body("data.discountId", equalTo(id))
                .body("data.customerId", equalTo(tenant.id()))
                .body("data.units", equalTo(3))
                .body("data.redemptions", equalTo(1));

        TestKafka.awaitRecord("catalog.discounts", r -> id.equals(r.key()) && r.value().contains("\"redemptions\":1")
                && r.value().contains("\"version\":1"), Duration.ofSeconds(30));
    }

    @Test
    void redeemsOnceForOneIdempotencyKey() {
        String id = created(vendorAdmin, percentageBody());
        Map<String, Object> body = redemption();

        String first = as(platformAdmin).header("Idempotency-Key", "redeem-" + id).body(body)
                .post("/api/v1/discounts/" + id + "/redemptions")
                .then().statusCode(201).extract().path("data.id");
        as(platformAdmin).header("Idempotency-Key", "redeem-" + id).body(body)
                .post("/api/v1/discounts/" + id + "/redemptions")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("data.id", equalTo(first));

        assertThat(TestSql.number("select redemptions from discount where id = ?", id)).isEqualTo(1);
        assertThat(TestSql.number("select count(*) from discount_redemption where discount_id = ?", id)).isEqualTo(1);
    }

    @Test
    void refusesADiscountThatHasNotStartedOrHasExpired() {
        String future = created(vendorAdmin, with(percentageBody(), "startDate", today().plusDays(3).toString()));
        String expired = created(vendorAdmin, percentageBody());
        TestSql.execute("update discount set start_date = current_date - 10, expiration_date = current_date"
                + " where id = ?", expired);

        redeem(platformAdmin, future, redemption()).then().statusCode(409)
                .body("message", equalTo("discount " + future + " has not started yet: it applies from "
                        + today().plusDays(3)));
        redeem(platformAdmin, expired, redemption()).then().statusCode(409)
                .body("message", equalTo("discount " + expired + " expired on " + today()));

        assertThat(TestSql.number("select count(*) from discount_redemption where discount_id in (?, ?)", future,
                expired)).isZero();
        assertThat(TestSql.number("select redemptions from discount where id = ?", expired)).isZero();
    }

    @Test
    void refusesASecondRedemptionByTheSameCustomerWhenOnceIsAllowed() {
        String id = created(vendorAdmin, with(percentageBody(), "redemptionRestriction", "ONCE_PER_CUSTOMER"));

        redeem(platformAdmin, id, redemption()).then().statusCode(201);
        redeem(platformAdmin, id, redemption()).then().statusCode(409)
                .body("message", equalTo("customer " + tenant.id() + " has already redeemed discount " + id
                        + ", which allows one redemption per customer"));
        redeem(platformAdmin, id, Map.of("customerId", "org_someoneelse")).then().statusCode(201);

        assertThat(TestSql.number("select redemptions from discount where id = ?", id)).isEqualTo(2);
    }

    @Test
    void refusesUnitsOutsideTheDiscountsLimits() {
        String id = created(vendorAdmin, with(percentageBody(), "minUnits", 5, "maxUnits", 10));

        redeem(platformAdmin, id, with(redemption(), "units", 4)).then().statusCode(409)
                .body("message", equalTo("discount " + id + " applies to lines of 5 to 10 units, not 4"));
        redeem(platformAdmin, id, with(redemption(), "units", 0)).then().statusCode(400)
                .body("errors[0].field", equalTo("units"));
        redeem(platformAdmin, id, with(redemption(), "units", 10)).then().statusCode(201);

        assertThat(TestSql.number("select redemptions from discount where id = ?", id)).isEqualTo(1);
    }

    @Test
    void answersAnUnknownDiscountWithNotFound() {
        redeem(platformAdmin, "dsc_unknown", redemption()).then().statusCode(404);
    }
}
