package dev.mercato.identity.key;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The keys in force, held in memory: every published one, and among them the one that signs now (the
 * newest whose activation time has come, so every instance switches at the same moment without
 * reloading). Loaded at start-up (creating the first key when there is none), after a rotation, and every
 * {@code mercato.identity.tokens.key-refresh-interval} to pick up a rotation made by another instance.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final SigningKeyStore store;
    private final PeriodicRounds rounds;
    private final KeyTimings config;
    private volatile KeySet current;

    public SigningKeys(SigningKeyStore store, PeriodicRounds rounds, KeyTimings config) {
        this.store = store;
        this.rounds = rounds;
        this.config = config;
    }

    // Before the bootstrap application (priority 200) and before requests are served.
    void start(@Observes @Priority(150) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::reload);
        LOG.infof("signing key %s active, %d published", active().kid(), current.published().size());
        rounds.tick(config.keyRefreshInterval(), () -> reload().subscribe().with(
                ignored -> { }, failure -> LOG.warnf("signing keys could not be re-read: %s", failure.getMessage())));
    }

    /** Re-reads the keys; creates an active one when none exists. */
    public Uni<Void> reload() {
        return store.published().chain(keys -> {
            if (keys.isEmpty()) {
                return store.createActiveIfNone().chain(store::published);
            }
            return Uni.createFrom().item(keys);
        }).invoke(keys -> current = KeySet.of(keys)).replaceWithVoid();
    }

    /** The key new tokens are signed with now. */
    public SigningKey active() {
        return current.signerAt(Instant.now());
    }

    /** A published key by id: the only keys whose signatures this server accepts. */
    public Optional<SigningKey> published(String kid) {
        return Optional.ofNullable(current.published().get(kid));
    }

    /** The JWK Set document. */
    public String jwks() {
        return current.jwks();
    }

    /** @param newestFirst the published keys by activation time, newest first */
    private record KeySet(List<SigningKey> newestFirst, Map<String, SigningKey> published, String jwks) {

        static KeySet of(List<SigningKey> keys) {
            List<SigningKey> newestFirst = keys.stream()
                    .sorted(Comparator.comparing(SigningKey::activatesAt).reversed()).toList();
            Map<String, SigningKey> published = new LinkedHashMap<>();
            newestFirst.forEach(key -> published.put(key.kid(), key));
            String jwks = newestFirst.stream().map(SigningKey::jwk)
                    .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            return new KeySet(newestFirst, Map.copyOf(published), jwks);
        }

        SigningKey signerAt(Instant now) {
            for (SigningKey key : newestFirst) {
                if (key.activeAt(now)) {
                    return key;
                }
            }
            throw new IllegalStateException("no signing key is active yet");
        }
    }
}
