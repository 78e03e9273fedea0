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
import dev.mercato.order.contact.ContactRepository;
import dev.mercato.order.contract.ContractRepository;
import dev.mercato.order.entitlement.EntitlementRepository;
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
 * <p>
 * PostgreSQL, for its part, must plan the order path's lookups by unique key once per connection: written with
 * {@code firstResult()} ({@code offset ? rows fetch first ? rows only}) they were planned anew on every execution.
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

    @Inject
    ContactRepository contacts;

    @Inject
    EntitlementRepository entitlements;

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
    void lookupsByUniqueKeyArePlannedOncePerConnection() throws Throwable {
        // One session is one connection, so its prepared statements are the ones these lookups made; PostgreSQL
        // switches to the statement's generic plan after five custom ones when that plan is as cheap.
        String plans = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> {
            Uni<?> lookups = Uni.createFrom().voidItem();
            for (int n = 1; n <= 8; n++) {
                lookups = lookups.chain(() -> contacts.findByCustomerAndEmail("org_none", "none@example.com"))
                        .chain(() -> entitlements.findByCustomerAndProduct("org_none", "listing:lst_none"));
            }
            return lookups.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery("""
                    select string_agg(generic_plans || ' generic, ' || custom_plans || ' custom: ' || left(statement, 40),
                                      '; ')
                    from pg_prepared_statements
                    where statement like '%from contact c1_0 where c1_0.customer_id=%'
                       or statement like '%from entitlement e1_0 where e1_0.customer_id=%'""", String.class)
                    .getSingleResult());
        }));

        assertThat(plans.split("; ")).as("the lookups' prepared statements").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(statement -> assertThat(statement).as("planned once, with a generic plan")
                        .doesNotStartWith("0 "));
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
