package dev.mercato.identity.credential;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Ends rotation overlaps: once the previous secret of a credential has expired, forgets its hash and revokes
 * every token issued before the rotation, here and (published) in every service. Rows are claimed with
 * {@code for update skip locked}, so several identity instances share the work without doing it twice.
 */
@Singleton
public class RotationSweep {

    private static final int BATCH = 100;

    private final CredentialRepository credentials;
    private final CredentialService service;
    private final CredentialDirectory directory;
    private final CredentialConfig config;
    private final PeriodicRounds rounds;

    public RotationSweep(CredentialRepository credentials, CredentialService service, CredentialDirectory directory,
            CredentialConfig config, PeriodicRounds rounds) {
        this.credentials = credentials;
        this.service = service;
        this.directory = directory;
        this.config = config;
        this.rounds = rounds;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.every("sweep of ended rotation overlaps", config.rotationSweepInterval(), this::sweep,
                ended -> ended.forEach(directory::evict));
    }

    /** Ends the overlaps that are over; emits the ids of the credentials it changed. */
    Uni<List<String>> sweep() {
        return Panache.withTransaction(() -> credentials.getSession().chain(session -> session
                .createNativeQuery("""
                        select * from credential
                        where previous_secret_hash is not null and previous_secret_expires_at <= now()
                        order by previous_secret_expires_at limit %d
                        for update skip locked""".formatted(BATCH), Credential.class)
                .getResultList())
                .chain(ended -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Credential credential : ended) {
                        chain = chain.call(() -> {
                            credential.previousSecretHash = null;
                            credential.updatedAt = Instant.now();
                            return service.revokeTokensBefore(credential, credential.secretRotatedAt);
                        });
                    }
                    return chain.replaceWith(ended.stream().map(credential -> credential.id).toList());
                }));
    }
}
