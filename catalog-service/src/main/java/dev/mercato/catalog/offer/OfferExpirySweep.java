package dev.mercato.catalog.offer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mercato.platform.scheduling.PeriodicRounds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Expires sent offers whose time is up, every {@code mercato.catalog.offers.expiry-sweep-interval}: whatever
 * ran or stopped while they expired, the next sweep after a start finds them. One UPDATE … RETURNING marks
 * a batch and the same transaction publishes each; rows are claimed with {@code for update skip locked} and
 * the update requires {@code status = 'SENT'}, so two instances never expire (and publish) one offer twice.
 */
@Singleton
public class OfferExpirySweep {

    static final int BATCH = 500;

    private final PrivateOfferRepository offers;
    private final PrivateOfferService service;
    private final OfferConfig config;
    private final PeriodicRounds rounds;
    private final Clock clock;

    public OfferExpirySweep(PrivateOfferRepository offers, PrivateOfferService service, OfferConfig config,
            PeriodicRounds rounds, Clock clock) {
        this.offers = offers;
        this.service = service;
        this.config = config;
        this.rounds = rounds;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.every("expired private offers", config.expirySweepInterval(), this::expireDue);
    }

    /** Expires every sent offer past its expiry, a batch per transaction; emits how many. */
    public Uni<Integer> expireDue() {
        return expireBatch().chain(count -> count < BATCH ? Uni.createFrom().item(count)
                : expireDue().map(more -> count + more));
    }

    private Uni<Integer> expireBatch() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.withTransaction(() -> offers.getSession().chain(session -> session
                .createNativeQuery("""
                        update private_offer
                        set status = 'EXPIRED', expired_at = expires_at, updated_at = ?1, version = version + 1
                        where status = 'SENT' and id in (
                            select id from private_offer
                            where status = 'SENT' and expires_at <= ?1
                            order by expires_at limit %d
                            for update skip locked)
                        returning *""".formatted(BATCH), PrivateOffer.class)
                .setParameter(1, now)
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
