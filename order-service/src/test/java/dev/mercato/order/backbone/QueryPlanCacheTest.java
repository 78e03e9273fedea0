package dev.mercato.order.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import dev.mercato.order.catalogmodel.CatalogArticles;
import dev.mercato.order.catalogmodel.CatalogOffers;
import dev.mercato.order.contract.ContractRepository;
import dev.mercato.order.opportunity.OpportunityRepository;
import dev.mercato.order.subscription.SubscriptionRepository;
import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * What runs for every order must not grow Hibernate's query-plan cache. Hibernate keeps a new plan for every
 * execution of a native select (their keys never match), so a hot one fills the cache with copies of itself, each
 * execution scans them, and they push the HQL plans out: the outbox insert, written as a select, was 8 % of
 * order-service's CPU while placing and processing orders. Updates get one plan; hot native reads go through
 * {@code SessionReads}, which bypasses the cache.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int TIMES = 30;

    @Inject
    OutboxWriter writer;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    ContractRepository contracts;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    OpportunityRepository opportunities;

    @Inject
    CatalogArticles articles;

    @Inject
    CatalogOffers offers;

    @Test
    void publishingKeepsOnePlanForTheInsert() throws Throwable {
        String topic = "backbone.plans-" + UUID.randomUUID();
        writer.commit(topic, "key", "mercato.test.plans.v1", Map.of("n", 0));
        int before = cachedQueryPlans();

        for (int n = 1; n <= TIMES; n++) {
            writer.commit(topic, "key", "mercato.test.plans.v1", Map.of("n", n));
        }

        assertThat(cachedQueryPlans() - before).isLessThan(10); // TIMES before; a few from the service's sweeps
    }

    @Test
    void theOrderPathsReadsKeepNoPlans() throws Throwable {
        int before = cachedQueryPlans();

        for (int n = 1; n <= TIMES; n++) {
            inTransaction(() -> contracts.nextNumber()
                    .chain(subscriptions::nextSerialNumber)
                    .chain(opportunities::nextNumber)
                    .chain(() -> subscriptions.teamTotals("team-none"))
                    .chain(() -> subscriptions.productTotals("org_none", "listing:lst_none"))
                    .chain(() -> articles.ofOwner("org_none"))
                    .chain(() -> offers.listingOf("ofr_none")));
        }

        assertThat(cachedQueryPlans() - before).isLessThan(10); // 7 × TIMES before
    }

    @Test
    void theReadsAnswerAsBefore() throws Throwable {
        String contract = inTransaction(contracts::nextNumber);
        String serial = inTransaction(subscriptions::nextSerialNumber);
        String opportunity = inTransaction(opportunities::nextNumber);
        assertThat(contract).matches("\\d+");
        assertThat(serial).matches("\\d{3}-\\d{8}");
        assertThat(opportunity).matches("A-\\d{8}");
        assertThat(inTransaction(() -> subscriptions.teamTotals("team-none")))
                .isEqualTo(new SubscriptionRepository.TeamTotals(0, 0, null));
        assertThat(inTransaction(() -> subscriptions.productTotals("org_none", "listing:lst_none"))).isNull();
        assertThat(inTransaction(() -> articles.ofOwner("org_none"))).isEmpty();
        assertThat(inTransaction(() -> offers.listingOf("ofr_none"))).isNull();
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private int cachedQueryPlans() throws ReflectiveOperationException {
        Object factory = ClientProxy.unwrap(sessions);
        var delegate = factory.getClass().getDeclaredField("delegate"); // Hibernate Reactive keeps the ORM factory here
        delegate.setAccessible(true);
        return ((SessionFactoryImplementor) delegate.get(factory)).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
