package dev.mercato.catalog.plan;

import static dev.mercato.catalog.plan.PlanFixtures.create;
import static dev.mercato.catalog.plan.PlanFixtures.planBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Writers racing on one plan: exactly one wins, the others get 409, never a 500. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanConcurrencyTest {

    private static final int WRITERS = 8;

    private String vendorAdmin;

    @BeforeAll
    void organizations() {
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, TestMarketplace.published().vendor);
    }

    @Test
    void publishesADraftOnceWhenManyPublishItAtOnce() throws Exception {
        String id = create(vendorAdmin, planBody("Raced"));

        List<Integer> statuses = race(() -> given().auth().oauth2(vendorAdmin)
                .post("/api/v1/plans/" + id + "/publish").statusCode());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(TestSql.number("select count(*) from plan_version where plan_id = ? and status = 'PUBLISHED'", id))
                .isEqualTo(1);
    }

    @Test
    void startsOneNewVersionWhenManyStartOneAtOnce() throws Exception {
        String id = create(vendorAdmin, planBody("Raced versions"));
        PlanFixtures.publish(vendorAdmin, id);

        List<Integer> statuses = race(() -> given().auth().oauth2(vendorAdmin)
                .post("/api/v1/plans/" + id + "/versions").statusCode());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(TestSql.number("select count(*) from plan_version where plan_id = ?", id)).isEqualTo(2);
    }

    private static List<Integer> race(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
