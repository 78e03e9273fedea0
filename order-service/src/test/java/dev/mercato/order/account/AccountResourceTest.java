package dev.mercato.order.account;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountResourceTest {

    private static RequestSpecification asPlatformAdmin() {
        return given().auth().oauth2(OrganizationEvents.platformAdmin());
    }

    /** Five accounts in Iceland (no other test uses IS): three tenants, one partner, one distributor. */
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void publishAccounts() {
        String[][] accounts = { { "Alpha ehf", "TENANT" }, { "Bravo ehf", "TENANT" }, { "Charlie ehf", "TENANT" },
                { "Delta Reseller ehf", "PARTNER" }, { "Echo Distribution ehf", "DISTRIBUTOR" } };
        for (String[] account : accounts) {
            TestOrganization organization = OrganizationEvents.newOrganization(account[1]);
            ids.add(organization.id());
            OrganizationEvents.send(organization, account[0], "IS", 0);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from account where country_code = 'IS'") == 5);
    }

    @Test
    void filtersWithPlainParameters() {
        asPlatformAdmin()
                .queryParam("countryCode", "IS").queryParam("accountType", "end_customer").queryParam("sort", "name")
                .when().get("/api/v1/accounts")
                .then().statusCode(200)
                .body("code", equalTo(200))
                .body("data.name", contains("Alpha ehf", "Bravo ehf", "Charlie ehf"))
                .body("pagination.total", equalTo(3));
        asPlatformAdmin()
                .queryParam("countryCode", "IS").queryParam("accountType[in]", "VAR,VAD")
                .when().get("/api/v1/accounts")
                .then().statusCode(200).body("data.accountType", contains("VAD", "VAR"));
        asPlatformAdmin()
                .queryParam("countryCode", "IS").queryParam("createdAt[gte]", "2000-01-01").queryParam("limit", 100)
                .when().get("/api/v1/accounts")
                .then().statusCode(200).body("pagination.total", equalTo(5));
    }

    @Test
    void filtersWithTheExpressionLanguage() {
        asPlatformAdmin()
                .queryParam("filter", "$eq(countryCode,'IS')-and-$like(name,'%ehf')-and-$neq(accountType,'END_CUSTOMER')")
                .queryParam("sort", "-name")
                .when().get("/api/v1/accounts")
                .then().statusCode(200)
                .body("data.name", contains("Echo Distribution ehf", "Delta Reseller ehf"));
        asPlatformAdmin()
                .queryParam("filter",
                "$eq(countryCode,'IS')-and-$gteq(createdAt,$date_add($date_now(),-30,'day'))-and-$eq(status,'ACTIVE')")
                .when().get("/api/v1/accounts")
                .then().statusCode(200).body("pagination.total", equalTo(5));
    }

    @Test
    void paginatesByPageAndByOffset() {
        asPlatformAdmin()
                .queryParam("countryCode", "IS").queryParam("sort", "name").queryParam("page", 2).queryParam("limit", 2)
                .when().get("/api/v1/accounts")
                .then().statusCode(200)
                .body("data.name", contains("Charlie ehf", "Delta Reseller ehf"))
                .body("pagination.page", equalTo(2))
                .body("pagination.limit", equalTo(2))
                .body("pagination.total", equalTo(5))
                .body("pagination.pages", equalTo(3));
        asPlatformAdmin()
                .queryParam("countryCode", "IS").queryParam("sort", "name").queryParam("offset", 4).queryParam("limit", 2)
                .when().get("/api/v1/accounts")
                .then().statusCode(200)
                .body("data.name", contains("Echo Distribution ehf"));
    }

    @Test
    void rejectsBadListParametersWithTheErrorShape() {
        for (String[] bad : new String[][] { { "limit", "1000" }, { "page", "zero" }, { "sort", "secret" },
                { "filter", "$eq(name,'x'" }, { "filter", "$drop(name,'x')" }, { "passwordHash", "x" },
                { "createdAt[gte]", "yesterday" }, { "name", "x' or '1'='1" } }) {
            var response = asPlatformAdmin().queryParam(bad[0], bad[1]).when().get("/api/v1/accounts").then();
            if (bad[0].equals("name")) {
                response.statusCode(200).body("data", hasSize(0)); // a value, never SQL
            } else {
                response.statusCode(400).body("code", equalTo(400)).body("message", notNullValue());
            }
        }
    }

    @Test
    void dumpsEveryAccountWithoutPagination() {
        long all = TestSql.number("select count(*) from account");
        asPlatformAdmin().when().get("/api/v1/accounts/-dump")
                .then().statusCode(200)
                .body("size()", equalTo((int) all))
                .body("id", hasItem(ids.get(0)))
                .body("object", everyItem(equalTo("account")));
    }

    @Test
    void answersUnknownAccountWith404() {
        asPlatformAdmin().when().get("/api/v1/accounts/org_unknown").then().statusCode(404).body("code", equalTo(404));
    }
}
