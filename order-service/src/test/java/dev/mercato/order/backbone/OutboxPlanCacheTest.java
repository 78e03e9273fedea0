package dev.mercato.order.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Publishing must not grow Hibernate's query-plan cache. Hibernate keeps a new plan for every execution of a native
 * select (its keys never match), so an outbox insert written as a select filled the cache with copies of itself,
 * every publish scanned them (8 % of order-service's CPU while placing and processing orders), and the copies pushed
 * the HQL plans out. Update statements get one plan.
 */
@QuarkusTest
class OutboxPlanCacheTest {

    @Inject
    OutboxWriter writer;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void publishingKeepsOnePlanForTheInsert() throws ReflectiveOperationException {
        String topic = "backbone.plans-" + UUID.randomUUID();
        writer.commit(topic, "key", "mercato.test.plans.v1", Map.of("n", 0));
        int before = cachedQueryPlans();

        for (int n = 1; n <= 50; n++) {
            writer.commit(topic, "key", "mercato.test.plans.v1", Map.of("n", n));
        }

        assertThat(cachedQueryPlans() - before).isLessThan(10); // 50 before; a few from the service's own sweeps meanwhile
    }

    private int cachedQueryPlans() throws ReflectiveOperationException {
        Object factory = ClientProxy.unwrap(sessions);
        var delegate = factory.getClass().getDeclaredField("delegate"); // Hibernate Reactive keeps the ORM factory here
        delegate.setAccessible(true);
        return ((SessionFactoryImplementor) delegate.get(factory)).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
