package dev.mercato.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import io.restassured.http.ContentType;

/**
 * The event backbone end to end, across real processes: identity-service → Kafka → order-service and catalog-service.
 * Run on the demo's suite ({@link DemoUnderFireSystemTest}) before anything else, since a suite start costs minutes;
 * each adds only organizations and an application of its own.
 */
final class EventBackbone {

    private EventBackbone() {
    }

    static void everyServiceIsReady(Suite suite) {
        for (String service : Suite.SERVICES) {
            given().when().get(suite.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    static void aTenantCreatedInIdentityBecomesAnAccountInOrder(Suite suite) {
        String token = suite.adminToken();
        String distributor = create(suite, token, "distributors", "{\"name\": \"System Test Distribution\", \"countryCode\": \"SE\"}");
        String partner = create(suite, token, "partners",
                "{\"name\": \"System Test Partner\", \"countryCode\": \"FI\", \"parentId\": \"" + distributor + "\"}");
        String tenant = create(suite, token, "tenants",
                "{\"name\": \"System Test Oy\", \"countryCode\": \"FI\", \"parentId\": \"" + partner + "\"}");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .auth().oauth2(token)
                .when().get(suite.url("order") + "/api/v1/accounts/" + tenant)
                .then().statusCode(200)
                .body("data.name", equalTo("System Test Oy"))
                .body("data.accountType", equalTo("END_CUSTOMER")));

        given().auth().oauth2(token).queryParam("filter", "$eq(id,'" + tenant + "')")
                .when().get(suite.url("order") + "/api/v1/accounts")
                .then().statusCode(200).body("pagination.total", equalTo(1));
        given().when().get(suite.url("order") + "/api/v1/accounts/" + tenant)
                .then().statusCode(401);
    }

    static void aVendorCreatedInIdentitySellsWhatThePlatformListsForItInCatalog(Suite suite) {
        String token = suite.adminToken();
        String vendor = create(suite, token, "vendors", "{\"name\": \"System Test Vendor\", \"countryCode\": \"US\"}");
        String listing = """
                {"vendor": "aws", "vendorId": "%s", "name": "System Test Listing", "currency": "usd",
                 "dimensions": [{"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001}]}"""
                .formatted(vendor);

        // catalog-service learns of the vendor from identity.organizations; until then the vendor is unknown (400).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .auth().oauth2(token).contentType(ContentType.JSON).body(listing)
                .when().post(suite.url("catalog") + "/api/v1/listings")
                .then().statusCode(201)
                .body("data.vendorId", equalTo(vendor))
                .body("data.dimensions[0].key", equalTo("api_calls")));

        String sku = "ST-" + vendor.substring(vendor.length() - 8).toUpperCase();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"vendorId\": \"%s\", \"sku\": \"%s\", \"purPrice\": {\"usd\": 19.99}}".formatted(vendor, sku))
                .when().post(suite.url("catalog") + "/api/v1/articles")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"currency\": \"usd\", \"items\": [{\"sku\": \"%s\", \"quantity\": 3}]}".formatted(sku))
                .when().post(suite.url("catalog") + "/api/v1/pricing/quote")
                .then().statusCode(200)
                .body("data.totals.total", equalTo(59.97f));
    }

    static void aRevokedApplicationIsRefusedByOtherServicesAtOnce(Suite suite) {
        String admin = suite.adminToken();
        var app = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "Revocation probe", "scopes": ["read:customers"]}""")
                .when().post(suite.url("identity") + "/api/v1/applications")
                .then().statusCode(201).extract().jsonPath();
        String clientId = app.getString("data.clientId");
        String token = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", app.getString("data.clientSecret"))
                .post(suite.url("identity") + "/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).when().get(suite.url("order") + "/api/v1/accounts")
                .then().statusCode(200);

        given().auth().oauth2(admin).when().post(suite.url("identity") + "/api/v1/applications/" + clientId + "/revoke")
                .then().statusCode(200);

        // The token is still within its lifetime; order-service must refuse it as soon as the revocation arrives.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .auth().oauth2(token).when().get(suite.url("order") + "/api/v1/accounts")
                .then().statusCode(401));
    }

    private static String create(Suite suite, String token, String collection, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(suite.url("identity") + "/api/v1/" + collection)
                .then().statusCode(201)
                .extract().path("data.id");
    }
}
