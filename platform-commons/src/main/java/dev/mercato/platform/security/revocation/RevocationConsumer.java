package dev.mercato.platform.security.revocation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Reads {@code identity.revocations} into this instance's {@link RevocationList} and the
 * {@code revoked_credential} table. Every instance has its own consumer group and reads from the
 * beginning (channel {@value #CHANNEL}, configured in platform-commons), so each one hears of every
 * revocation. Not the shared idempotent inbox on purpose: its per-service memory of processed events
 * would let one instance skip what another already applied, and applying a revocation twice is harmless.
 */
@ApplicationScoped
public class RevocationConsumer {

    static final String CHANNEL = "identity-revocations";

    private static final Logger LOG = Logger.getLogger(RevocationConsumer.class);

    private final RevocationList revocations;
    private final RevokedCredentials table;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final String consumer;

    public RevocationConsumer(RevocationList revocations, RevokedCredentials table, ObjectMapper json,
            MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.revocations = revocations;
        this.table = table;
        this.json = json;
        this.registry = registry;
        this.consumer = applicationName + ".revocations";
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        CredentialRevokedV1 revocation;
        try {
            revocation = parse(record);
        } catch (PoisonEventException e) {
            // Never blocks the partition: a later revocation matters more than a malformed one.
            count("poison");
            LOG.errorf("ignoring a malformed revocation record: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (revocation == null) {
            return Uni.createFrom().voidItem();
        }
        // Memory first: this instance refuses the credential from now on, whatever the database does.
        revocations.add(revocation);
        return table.save(revocation)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onItem().invoke(() -> count("processed"))
                .onFailure().recoverWithUni(failure -> {
                    count("failed");
                    LOG.errorf("a %s revocation is enforced but could not be stored; it will not survive a restart: %s",
                            revocation.kind(), failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The revocation in {@code record}; null for another event type; poison when it is unusable. */
    private CredentialRevokedV1 parse(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, json);
        if (!CredentialRevokedV1.TYPE.equals(event.type())) {
            return null;
        }
        CredentialRevokedV1 revocation = event.dataAs(CredentialRevokedV1.class, json);
        if (revocation.kind() == null || revocation.value() == null || revocation.value().isBlank()
                || revocation.revokedAt() == null || revocation.expiresAt() == null) {
            throw new PoisonEventException("revocation " + event.id() + " lacks kind, value, revokedAt or expiresAt");
        }
        return revocation;
    }

    private void count(String outcome) {
        registry.counter("mercato.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
