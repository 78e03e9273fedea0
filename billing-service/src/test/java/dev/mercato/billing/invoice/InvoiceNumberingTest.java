package dev.mercato.billing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InvoiceNumberingTest {

    @Test
    void twentyParallelFinalizationsNumberOneToTwentyWithoutGapOrDuplicate() throws Exception {
        BillingWorld world = BillingWorld.create();
        List<TestOrganization> tenants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestOrganization tenant = world.partner.child("TENANT");
            world.organization(tenant);
            world.subscription(tenant, world.day(1), world.month.atEndOfMonth(), 1, "10.00", null);
            tenants.add(tenant);
        }
        given().auth().oauth2(OrganizationEvents.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("period", world.month.toString())).post("/api/v1/billing-runs").then().statusCode(200);
        List<String> ids = TestSql.rows("select id from invoice where issuer_id = ? and period = ?", world.partner.id(),
                world.month.toString()).stream().map(row -> row.get("id").toString()).toList();
        assertThat(ids).hasSize(20);

        String admin = OrganizationEvents.platformAdmin();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> finalizations = ids.stream().<Callable<Integer>>map(id -> () -> given().auth()
                    .oauth2(admin).post("/api/v1/invoices/" + id + "/finalize").statusCode()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(finalizations)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }

        List<Long> numbers = TestSql.rows("select number from invoice where issuer_id = ? order by number",
                world.partner.id()).stream().map(row -> ((Number) row.get("number")).longValue()).toList();
        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }
}
