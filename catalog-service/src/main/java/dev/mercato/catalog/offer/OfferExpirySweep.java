package dev.mercato.catalog.offer;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Expires sent offers whose time is up, every {@code mercato.catalog.offers.expiry-sweep-interval}: whatever
 * ran or stopped while they expired, the next sweep after a start finds them. One UPDATE … RETURNING marks
 * a batch and the same transaction publishes each; rows are claimed with {@code for update skip locked} and
 * the update requires {@code status = 'SENT'}, so two instances never expire (and publish) one offer twice.
 */
@Singleton
public class OfferExpirySweep {

    private static final Logger LOG = Logger.getLogger(OfferExpirySweep.class);
    static final int BATCH = 500;

    private final PrivateOfferRepository offers;
    private final PrivateOfferService service;
    private final OfferConfig config;
    private final Vertx vertx;

    public OfferExpirySweep(PrivateOfferRepository offers, PrivateOfferService service, OfferConfig config, Vertx vertx) {
        this.offers = offers;
        this.service = service;
        this.config = config;
        this.vertx = vertx;
    }

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(config.expirySweepInterval().toMillis(), id -> runOnce());
    }

    private void runOnce() {
        // Hibernate Reactive needs a duplicated context of its own, as a request would have.
        io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> expireDue().subscribe().with(
                expired -> {
                    if (expired > 0) {
                        LOG.infof("expired %d private offer(s)", expired);
                    }
                },
                failure -> LOG.warnf("private offers could not be expired (will retry): %s", failure.toString())));
    }

    /** Expires every sent offer past its expiry, a batch per transaction; emits how many. */
    public Uni<Integer> expireDue() {
        return expireBatch().chain(count -> count < BATCH ? Uni.createFrom().item(count)
                : expireDue().map(more -> count + more));
    }

    private Uni<Integer> expireBatch() {
        return Panache.withTransaction(() -> offers.getSession().chain(session -> session
                .createNativeQuery("""
                        update private_offer
                        set status = 'EXPIRED', expired_at = expires_at, updated_at = now(), version = version + 1
                        where status = 'SENT' and id in (
                            select id from private_offer
                            where status = 'SENT' and expires_at <= now()
                            order by expires_at limit %d
                            for update skip locked)
                        returning *""".formatted(BATCH), PrivateOffer.class)
                .getResultList())
                .chain(this::publishAll));
    }

    private Uni<Integer> publishAll(List<PrivateOffer> expired) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PrivateOffer offer : expired) {
            chain = chain.chain(() -> service.publish(offer, null));
        }
        return chain.replaceWith(expired.size());
    }
}
