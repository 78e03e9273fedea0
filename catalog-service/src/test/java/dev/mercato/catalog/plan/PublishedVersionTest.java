package dev.mercato.catalog.plan;

import static dev.mercato.catalog.plan.PlanFixtures.create;
import static dev.mercato.catalog.plan.PlanFixtures.planBody;
import static dev.mercato.catalog.plan.PlanFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Role;
import dev.mercato.pricing.PricingStrategy;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** What a quote or a charge reads of a plan: a published version as pricing-engine definitions. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedVersionTest {

    @Inject
    PlanService service;

    @Inject
    Vertx vertx;

    private String vendorAdmin;

    @BeforeAll
    void organizations() {
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, TestMarketplace.published().vendor);
    }

    @Test
    void givesAPublishedVersionsPricesAsDefinitionsThePricingEngineComputes() throws Exception {
        String id = create(vendorAdmin, planBody("Quoted", "EUR", PlanFixtures.GRADUATED, ""));
        publish(vendorAdmin, id);
        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + id + "/versions").then().statusCode(201);

        PublishedPlanVersion version = onVertx(() -> service.publishedVersion(id, 1));

        assertThat(version.currency()).isEqualTo("eur");
        assertThat(version.pricingPeriod()).isEqualTo(PricingPeriod.MONTHLY);
        assertThat(version.prices()).hasSize(1);
        PublishedPlanVersion.Price price = version.prices().get(0);
        assertThat(price.costTypeCategory()).isEqualTo(CostTypeCategory.RECURRING);
        assertThat(price.definition().strategy()).isEqualTo(PricingStrategy.TIERED);
        // 1,000 calls at 0.01 plus the first range's 2.00, then 500 at 0.005.
        assertThat(price.definition().amountFor(new BigDecimal("1500"))).isEqualByComparingTo("14.5");
    }

    @Test
    void findsNoDraftOrMissingVersion() {
        String id = create(vendorAdmin, planBody("Unpublished"));

        assertNotFound(() -> service.publishedVersion(id, 1));
        assertNotFound(() -> service.publishedVersion(id, 2));
        assertNotFound(() -> service.publishedVersion("plan_01jd3v6m0k8p7x2n4q5r6s7t8w", 1));
    }

    private void assertNotFound(Supplier<Uni<PublishedPlanVersion>> work) {
        assertThatThrownBy(() -> onVertx(work)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ApiException.class)
                .satisfies(failure -> assertThat(((ApiException) failure).status()).isEqualTo(404));
    }

    /** Runs {@code work} on a Vert.x context, where reactive sessions live, and waits for its result. */
    private <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result.get(30, TimeUnit.SECONDS);
    }
}
