package dev.mercato.catalog.discount;

import static dev.mercato.catalog.discount.DiscountFixtures.PLATFORM;
import static dev.mercato.catalog.discount.DiscountFixtures.as;
import static dev.mercato.catalog.discount.DiscountFixtures.create;
import static dev.mercato.catalog.discount.DiscountFixtures.created;
import static dev.mercato.catalog.discount.DiscountFixtures.percentageBody;
import static dev.mercato.catalog.discount.DiscountFixtures.today;
import static dev.mercato.catalog.discount.DiscountFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/** Every rule a discount obeys: a bad field is a 400 that names it, and nothing is stored or published. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscountValidationTest {

    private final TestOrganization vendor = PLATFORM.child("VENDOR");
    private String vendorAdmin;

    @BeforeAll
    void publishTheVendor() {
        DiscountFixtures.publish(vendor);
        vendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, vendor);
    }

    static Stream<Arguments> badDiscounts() {
        Map<String, Object> ok = percentageBody();
        Map<String, Object> fixed = with(ok, "type", "FIXED_PRICE", "percentage", null, "price", 25, "currency", "eur");
        return Stream.of(
                Arguments.of("percentage", with(ok, "percentage", new BigDecimal("10.155"))),
                Arguments.of("percentage", with(ok, "percentage", 0)),
                Arguments.of("percentage", with(ok, "percentage", new BigDecimal("100.01"))),
                Arguments.of("percentage", with(ok, "percentage", null)),
                Arguments.of("price", with(ok, "price", 5)),
                Arguments.of("price", with(fixed, "price", null)),
                Arguments.of("price", with(fixed, "price", 0)),
                Arguments.of("price", with(fixed, "price", -1)),
                Arguments.of("percentage", with(fixed, "percentage", 10)),
                Arguments.of("currency", with(fixed, "currency", null)),
                Arguments.of("currency", with(fixed, "currency", "xqz")),
                Arguments.of("type", with(ok, "type", null)),
                Arguments.of("type", with(ok, "type", "HALF_OFF")),
                Arguments.of("code", with(ok, "code", "ABC")),
                Arguments.of("code", with(ok, "code", "A".repeat(104))),
                Arguments.of("code", with(ok, "code", "TEN OFF")),
                Arguments.of("code", with(ok, "code", null)),
                Arguments.of("description", with(ok, "description", "abc")),
                Arguments.of("description", with(ok, "description", "x".repeat(256))),
                Arguments.of("description", with(ok, "description", "      ")),
                Arguments.of("description", with(ok, "description", null)),
                Arguments.of("expirationDate", with(ok, "expirationDate", today().minusDays(1).toString())),
                Arguments.of("expirationDate", with(ok, "expirationDate", today().toString())),
                Arguments.of("expirationDate", with(ok, "startDate", today().plusDays(10).toString(),
                        "expirationDate", today().plusDays(5).toString())),
                Arguments.of("maxUnits", with(ok, "minUnits", 10, "maxUnits", 5)),
                Arguments.of("minUnits", with(ok, "minUnits", 0)),
                Arguments.of("maxRedemptions", with(ok, "maxRedemptions", 0)),
                Arguments.of("billingCycles", with(ok, "billingCycles", 0)),
                Arguments.of("partnerSharePercentage", with(ok, "partnerSharePercentage", new BigDecimal("100.5"))),
                Arguments.of("partnerSharePercentage", with(ok, "partnerSharePercentage", new BigDecimal("12.345"))),
                Arguments.of("basePartnerSharePercentage", with(ok, "basePartnerSharePercentage", -1)),
                Arguments.of("partnerSharePercentage", with(ok, "partnerSharePercentage", 60,
                        "basePartnerSharePercentage", new BigDecimal("40.01"))),
                Arguments.of("redemptionRestriction", with(ok, "redemptionRestriction", "SOMETIMES")),
                Arguments.of("planIds", with(ok, "planIds", List.of("not an id!"))),
                Arguments.of("articleSkus", with(ok, "articleSkus", List.of("S".repeat(36)))),
                Arguments.of("listingIds", with(ok, "listingIds", List.of("l".repeat(41)))),
                Arguments.of("vendorId", with(ok, "vendorId", "org/../x")),
                Arguments.of("redemptions", with(ok, "redemptions", 3)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badDiscounts")
    void refusesABadFieldNamingItAndStoresNothing(String field, Map<String, Object> body) {
        create(vendorAdmin, body).then().statusCode(400)
                .body("code", equalTo(400))
                .body("errors[0].field", startsWith(field));

        assertThat(TestSql.number("select count(*) from discount where owner_id = ?", vendor.id())).isZero();
        // No discount of this vendor was ever stored (the check above, after every case), so none was published.
        assertThat(TestKafka.events(Topics.CATALOG_DISCOUNTS, r -> r.value().contains(vendor.id()), Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void explainsEachRefusalInASentence() {
        Map<String, Object> ok = percentageBody();

        create(vendorAdmin, with(ok, "percentage", new BigDecimal("10.155"))).then().statusCode(400)
                .body("errors[0].message", equalTo("a percentage has at most 2 decimals"));
        create(vendorAdmin, with(ok, "partnerSharePercentage", 70, "basePartnerSharePercentage", 31)).then()
                .statusCode(400)
                .body("errors[0].message", equalTo("together with basePartnerSharePercentage must be at most 100, not 101"));
        create(vendorAdmin, with(ok, "minUnits", 10, "maxUnits", 5)).then().statusCode(400)
                .body("errors[0].message", equalTo("must be at least minUnits (10)"));
        create(vendorAdmin, with(ok, "expirationDate", today().toString())).then().statusCode(400)
                .body("errors[0].message", equalTo("must be in the future (after " + today() + ")"));
    }

    @Test
    void refusesAChangeThatBreaksARuleAndKeepsTheDiscountAsItWas() {
        TestOrganization other = PLATFORM.child("VENDOR");
        DiscountFixtures.publish(other);
        String token = DiscountFixtures.token(Role.VENDOR_ADMIN, other);
        String id = created(token, with(percentageBody(), "minUnits", 5, "maxUnits", 10));

        as(token).body(Map.of("maxUnits", 4)).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("maxUnits"));
        as(token).body(Map.of("percentage", new BigDecimal("9.999"))).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("percentage"));
        as(token).body(Map.of("expirationDate", today().toString())).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("expirationDate"));
        as(token).body(Map.of("type", "FIXED_PRICE", "price", 5)).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));
        as(token).body(Map.of("description", "abc")).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("description"));

        Map<String, Object> stored = TestSql.rows("select max_units, percentage, type, version from discount where id = ?",
                id).get(0);
        assertThat(stored.get("max_units")).isEqualTo(10L);
        assertThat((BigDecimal) stored.get("percentage")).isEqualByComparingTo("10");
        assertThat(stored.get("type")).isEqualTo("PERCENTAGE");
        assertThat(stored.get("version")).isEqualTo(0L);
    }
}
