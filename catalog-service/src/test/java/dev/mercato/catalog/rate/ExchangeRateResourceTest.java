package dev.mercato.catalog.rate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Exchange rates over time: a later rate of a pair supersedes an earlier one from its first day, a
 * deactivated rate is never used again, both stay in the history; conversions round once, half-even.
 * Each test uses currency pairs no other test uses.
 */
@QuarkusTest
class ExchangeRateResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestOrganization platform = OrganizationEvents.PLATFORM;
    private final String admin = TestTokens.forRole(Role.PLATFORM_ADMIN, platform);
    private final String reader = TestTokens.forRole(Role.TENANT_READER,
            platform.child("DISTRIBUTOR").child("PARTNER").child("TENANT"));

    @Test
    void convertsWithTheLatestRateValidOnTheDayAndKeepsTheSupersededOne() throws Exception {
        String january = ExchangeRates.createRate(admin, "USD", "cad", "1.25", "2026-01-01");
        String june = ExchangeRates.createRate(admin, "usd", "cad", "1.3", "2026-06-01");

        ExchangeRates.convert(reader, "usd", "cad", "100", "2026-03-01").statusCode(200)
                .body("data.convertedAmount", equalTo(125.00f))
                .body("data.rate.id", equalTo(january))
                .body("data.rate.validFrom", equalTo("2026-01-01"))
                .body("data.rate.inverse", equalTo(false));
        ExchangeRates.convert(reader, "usd", "cad", "100", "2026-06-01").statusCode(200)
                .body("data.convertedAmount", equalTo(130.00f))
                .body("data.rate.id", equalTo(june))
                .body("data.rate.rate", equalTo(1.3f));
        ExchangeRates.convert(reader, "usd", "cad", "100", "2025-12-31").statusCode(404)
                .body("message", equalTo("No active exchange rate converts usd to cad on 2025-12-31"));

        given().auth().oauth2(reader).queryParam("baseCurrency", "usd").queryParam("counterCurrency", "cad")
                .get("/api/v1/exchange-rates")
                .then().statusCode(200).body("data.id", containsInAnyOrder(june, january))
                .body("data[0].id", equalTo(june)).body("data.active", containsInAnyOrder(true, true));

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("catalog.exchange-rates",
                r -> june.equals(r.key()), Duration.ofSeconds(30));
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("mercato.catalog.exchange-rate.changed.v1");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("baseCurrency").asText()).isEqualTo("usd");
        assertThat(event.path("counterCurrency").asText()).isEqualTo("cad");
        assertThat(event.path("rate").decimalValue()).isEqualByComparingTo("1.3");
        assertThat(event.path("validFrom").asText()).isEqualTo("2026-06-01");
        assertThat(event.path("active").asBoolean()).isTrue();
    }

    @Test
    void neverUsesADeactivatedRateAgainButKeepsItInTheHistory() throws Exception {
        String older = ExchangeRates.createRate(admin, "eur", "pln", "4.30", "2026-01-01");
        String newer = ExchangeRates.createRate(admin, "eur", "pln", "4.50", "2026-02-01");
        ExchangeRates.convert(reader, "eur", "pln", "10", "2026-02-15").statusCode(200)
                .body("data.rate.id", equalTo(newer));

        given().auth().oauth2(admin).post("/api/v1/exchange-rates/" + newer + "/deactivate")
                .then().statusCode(200).body("data.active", equalTo(false)).body("data.deactivatedAt", notNullValue());
        ExchangeRates.convert(reader, "eur", "pln", "10", "2026-02-15").statusCode(200)
                .body("data.rate.id", equalTo(older)).body("data.convertedAmount", equalTo(43.00f));
        given().auth().oauth2(admin).post("/api/v1/exchange-rates/" + newer + "/deactivate")
                .then().statusCode(200).body("data.active", equalTo(false)).body("data.version", equalTo(1));
        given().auth().oauth2(reader).get("/api/v1/exchange-rates/" + newer)
                .then().statusCode(200).body("data.active", equalTo(false)).body("data.rate", equalTo(4.50f));
        given().auth().oauth2(reader).queryParam("baseCurrency", "eur").queryParam("counterCurrency", "pln")
                .queryParam("active", "false").get("/api/v1/exchange-rates")
                .then().statusCode(200).body("data.id", containsInAnyOrder(newer));

        // A new rate may start on the deactivated one's day, since that one is out of use.
        String replacement = ExchangeRates.createRate(admin, "eur", "pln", "4.40", "2026-02-01");
        ExchangeRates.convert(reader, "eur", "pln", "10", "2026-02-15").statusCode(200)
                .body("data.rate.id", equalTo(replacement));

        ConsumerRecord<String, String> deactivated = TestKafka.awaitRecord("catalog.exchange-rates",
                r -> newer.equals(r.key()) && r.value().contains("\"active\":false"), Duration.ofSeconds(30));
        assertThat(JSON.readTree(deactivated.value()).path("deactivatedAt").isTextual()).isTrue();
        assertThat(TestKafka.events("catalog.exchange-rates", r -> newer.equals(r.key()), Duration.ofSeconds(2))).hasSize(2);
    }

    @Test
    void convertsWithTheReversePairInverselyWhenOnlyThatHasARate() {
        String rate = ExchangeRates.createRate(admin, "gbp", "sek", "13", "2026-01-01");
        ExchangeRates.convert(reader, "sek", "gbp", "100", "2026-05-05").statusCode(200)
                .body("data.from", equalTo("sek")).body("data.to", equalTo("gbp"))
                .body("data.convertedAmount", equalTo(7.69f))
                .body("data.rate.id", equalTo(rate))
                .body("data.rate.baseCurrency", equalTo("gbp"))
                .body("data.rate.inverse", equalTo(true));
    }

    @Test
    void roundsOnceHalfEvenToTheTargetCurrencysMinorUnit() {
        ExchangeRates.createRate(admin, "aud", "jpy", "100.5", "2026-01-01");
        ExchangeRates.convert(reader, "aud", "jpy", "1", "2026-01-01").statusCode(200)
                .body("data.convertedAmount", equalTo(100));
        ExchangeRates.convert(reader, "aud", "jpy", "3", "2026-01-01").statusCode(200)
                .body("data.convertedAmount", equalTo(302));
        ExchangeRates.createRate(admin, "aud", "bhd", "0.2455", "2026-01-01");
        ExchangeRates.convert(reader, "aud", "bhd", "0.01", "2026-01-01").statusCode(200)
                .body("data.convertedAmount", equalTo(0.002f));
        ExchangeRates.convert(reader, "aud", "aud", "10.005", "2026-01-01").statusCode(200)
                .body("data.convertedAmount", equalTo(10.00f)).body("data.rate.id", nullValue());
    }

    @Test
    void refusesBrokenRatesNamingTheFieldAndStoresNothing() {
        Map<String, String> cases = new TreeMap<>();
        cases.put("rate", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"brl\", \"rate\": 0");
        cases.put("rate ", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"brl\", \"rate\": -1.2");
        cases.put("rate  ", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"brl\", \"rate\": \"0.0000000000001\"");
        cases.put("rate   ", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"brl\", \"rate\": 2000000000");
        cases.put("rate    ", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"brl\"");
        cases.put("baseCurrency", "\"baseCurrency\": \"xyz\", \"counterCurrency\": \"brl\", \"rate\": 1");
        cases.put("counterCurrency ", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"xau\", \"rate\": 1");
        cases.put("counterCurrency", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"MXN\", \"rate\": 1");
        cases.put("validFrom", "\"baseCurrency\": \"mxn\", \"counterCurrency\": \"brl\", \"rate\": 1, \"validFrom\": \"2026-02-30\"");
        List<String> failures = new ArrayList<>();
        cases.forEach((label, body) -> {
            Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{" + body + "}")
                    .post("/api/v1/exchange-rates");
            String named = answer.statusCode() == 400 ? answer.path("errors[0].field") : null;
            if (!label.strip().equals(named)) {
                failures.add(label.strip() + ": " + answer.statusCode() + " " + answer.asString());
            }
        });
        assertThat(failures).isEmpty();
        assertThat(TestSql.number("select count(*) from exchange_rate where base_currency = 'mxn'")).isZero();

        ExchangeRates.createRate(admin, "mxn", "brl", "0.29", "2026-01-01");
        ExchangeRates.create(admin, "mxn", "brl", "0.3", "2026-01-01").statusCode(409);
        assertThat(TestSql.number("select count(*) from exchange_rate where base_currency = 'mxn'")).isEqualTo(1);

        ExchangeRates.convert(reader, "mxn", "brl", "ten", "2026-01-02").statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        ExchangeRates.convert(reader, "mxn", "brl", "10000000000000", "2026-01-02").statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        ExchangeRates.convert(reader, "zzz", "brl", "10", "2026-01-02").statusCode(400)
                .body("errors[0].field", equalTo("from"));
        ExchangeRates.convert(reader, "mxn", "brl", "10", "2026-13-01").statusCode(400)
                .body("errors[0].field", equalTo("on"));
        given().auth().oauth2(reader).queryParam("from", "mxn").queryParam("to", "brl")
                .get("/api/v1/exchange-rates/convert").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(admin).post("/api/v1/exchange-rates/xr_missing/deactivate").then().statusCode(404);
    }

    @Test
    void createsOnceForOneIdempotencyKey() {
        String key = "rate-" + UUID.randomUUID();
        String body = "{\"baseCurrency\": \"czk\", \"counterCurrency\": \"huf\", \"rate\": 15.7, \"validFrom\": \"2026-01-01\"}";
        String first = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/exchange-rates").then().statusCode(201).extract().path("data.id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/exchange-rates")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("data.id", equalTo(first));
        assertThat(TestSql.number("select count(*) from exchange_rate where base_currency = 'czk'")).isEqualTo(1);
    }
}
