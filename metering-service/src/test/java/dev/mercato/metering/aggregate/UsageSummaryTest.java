package dev.mercato.metering.aggregate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.metering.UsageWorld;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The usage summary: hours, days and months added up from the aggregates, each caller seeing only whose usage it may. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageSummaryTest {

    private static final String WINDOW = "from=2026-03-01&to=2026-05-01";

    private UsageWorld world;
    private String dimension;
    private String users;
    private String platformAdmin;

    @BeforeAll
    void usage() {
        world = new UsageWorld();
        platformAdmin = TestTokens.forRole(Role.PLATFORM_ADMIN, world.platform);
        dimension = "calls_" + UUID.randomUUID().toString().substring(0, 8);
        users = "users_" + UUID.randomUUID().toString().substring(0, 8);
        List<UsageEventV1> events = new ArrayList<>();
        // 2026-03-30 10:xx (2 events), 2026-03-30 11:xx (1), 2026-03-31 (1), 2026-04-02 (1)
        String[][] usage = { { "2026-03-30T10:05:00Z", "2" }, { "2026-03-30T10:55:00Z", "3" }, { "2026-03-30T11:15:00Z", "4" },
                { "2026-03-31T23:59:59Z", "10" }, { "2026-04-02T00:00:00Z", "1.5" } };
        for (int i = 0; i < usage.length; i++) {
            Instant at = Instant.parse(usage[i][0]);
            events.add(UsageEvents.event(UUID.randomUUID().toString(), world.tenant.id(), world.vendor.id(), "lst_summary",
                    dimension, "SUM", usage[i][1], at, Map.of(), null));
            events.add(UsageEvents.event(UUID.randomUUID().toString(), world.tenant.id(), world.vendor.id(), "lst_summary",
                    users, "UNIQUE_COUNT", "1", at, Map.of("user", i % 2 == 0 ? "ada" : "bob"), "user"));
        }
        UsageEvents.send(events);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select coalesce(sum(event_count), 0) from usage_aggregate where customer_id = ? and dimension in (?, ?)",
                world.tenant.id(), dimension, users) == 10);
    }

    private JsonPath summary(String query) {
        return given().auth().oauth2(platformAdmin).get("/api/v1/usage/summary?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void addsUpHoursDaysAndMonths() {
        JsonPath hours = summary("granularity=hour&" + WINDOW + "&dimension=" + dimension);
        assertThat(hours.getList("data.periodStart", String.class)).containsExactly("2026-03-30T10:00:00Z",
                "2026-03-30T11:00:00Z", "2026-03-31T23:00:00Z", "2026-04-02T00:00:00Z");
        assertThat(hours.getList("data.value", Float.class)).containsExactly(5f, 4f, 10f, 1.5f);
        assertThat(hours.getInt("pagination.total")).isEqualTo(4);

        JsonPath days = summary("granularity=day&" + WINDOW + "&dimension=" + dimension + "&customer=" + world.tenant.id());
        assertThat(days.getList("data.periodStart", String.class)).containsExactly("2026-03-30T00:00:00Z",
                "2026-03-31T00:00:00Z", "2026-04-02T00:00:00Z");
        assertThat(days.getList("data.sum", Float.class)).containsExactly(9f, 10f, 1.5f);
        assertThat(days.getList("data.count", Integer.class)).containsExactly(3, 1, 1);
        assertThat(days.getList("data.max", Float.class)).containsExactly(4f, 10f, 1.5f);
        assertThat(days.getList("data.latest", Float.class)).containsExactly(4f, 10f, 1.5f);
        assertThat(days.getString("data[0].vendorId")).isEqualTo(world.vendor.id());

        JsonPath months = summary("granularity=month&" + WINDOW + "&listing=lst_summary&dimension=" + dimension);
        assertThat(months.getList("data.periodStart", String.class)).containsExactly("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
        assertThat(months.getList("data.value", Float.class)).containsExactly(19f, 1.5f);
        assertThat(months.getString("data[0].granularity")).isEqualTo("month");

        // unique values are distinct across the hours of a period, not added up
        JsonPath uniqueMonths = summary("granularity=month&" + WINDOW + "&dimension=" + users);
        assertThat(uniqueMonths.getList("data.uniqueCount", Integer.class)).containsExactly(2, 1);
        assertThat(uniqueMonths.getList("data.aggregation", String.class)).containsOnly("UNIQUE_COUNT");

        JsonPath paged = summary("granularity=hour&" + WINDOW + "&dimension=" + dimension + "&limit=3&page=2");
        assertThat(paged.getList("data.periodStart", String.class)).containsExactly("2026-04-02T00:00:00Z");
        assertThat(summary("granularity=day&from=2026-04-03&to=2026-04-04&dimension=" + dimension).getList("data")).isEmpty();
    }

    @Test
    void showsUsageToItsCustomerItsVendorAndThoseAbove() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/usage/summary?granularity=month&" + WINDOW + "&dimension=" + dimension)
                .requiring(Scopes.READ_METERING)
                .exposing(dimension, world.tenant.path())
                .alsoSeenAt(world.vendor.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void refusesHostileQueriesNamingTheParameter() {
        String[][] cases = { { "granularity=week", "granularity" }, { "granularity=", "granularity" },
                { "from=yesterday", "from" }, { "to=2026-13-01", "to" }, { "from=2026-05-01&to=2026-04-01", "from" },
                { "from=1970-01-01&to=2026-01-01&granularity=hour", "from" },
                { "from=2026-01-01&to=2026-12-01&granularity=hour", "to" }, { "customer=%27%20or%201%3D1%20--", "customer" },
                { "dimension=" + "x".repeat(65), "dimension" }, { "listing=%00", "listing" }, { "limit=0", "limit" },
                { "limit=1001", "limit" }, { "page=-1", "page" }, { "offset=abc", "offset" }, { "page=2&offset=3", "offset" },
                { "sort=-value", "sort" }, { "filter=%24eq(customer%2C%27x%27)", "filter" }, { "customer=a&customer=b", "customer" },
                { "subscription=a%3Bdrop%20table%20usage_aggregate", "subscription" }, { "limit=99999999999999999999", "limit" } };
        for (String[] hostile : cases) {
            given().auth().oauth2(platformAdmin).urlEncodingEnabled(false).get("/api/v1/usage/summary?" + hostile[0])
                    .then().statusCode(400).body("code", equalTo(400)).body("errors.field", hasItem(hostile[1]));
        }
        given().get("/api/v1/usage/summary").then().statusCode(401);
    }
}
