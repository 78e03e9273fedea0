package dev.mercato.identity.key;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The keys in force, held in memory: the active one that signs, and every one still published. Loaded at
 * start-up (creating the first key when there is none), after a rotation, and every
 * {@code mercato.identity.tokens.key-refresh-interval} to pick up a rotation made by another instance.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final SigningKeyStore store;
    private final Vertx vertx;
    private final KeyTimings config;
    private volatile KeySet current;

    public SigningKeys(SigningKeyStore store, Vertx vertx, KeyTimings config) {
        this.store = store;
        this.vertx = vertx;
        this.config = config;
    }

    // Before the bootstrap application (priority 200) and before requests are served.
    void start(@Observes @Priority(150) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::reload);
        LOG.infof("signing key %s active, %d published", current.active().kid(), current.published().size());
        vertx.setPeriodic(config.keyRefreshInterval().toMillis(), id -> reload().subscribe().with(
                ignored -> { }, failure -> LOG.warnf("signing keys could not be re-read: %s", failure.getMessage())));
    }

    /** Re-reads the keys; creates an active one when none exists. */
    public Uni<Void> reload() {
        return store.published().chain(keys -> {
            if (keys.stream().noneMatch(SigningKey::active)) {
                return store.createActiveIfNone().chain(store::published);
            }
            return Uni.createFrom().item(keys);
        }).invoke(keys -> current = KeySet.of(keys)).replaceWithVoid();
    }

    /** The key new tokens are signed with. */
    public SigningKey active() {
        return current.active();
    }

    /** A published key by id: the only keys whose signatures this server accepts. */
    public Optional<SigningKey> published(String kid) {
        return Optional.ofNullable(current.published().get(kid));
    }

    /** The JWK Set document. */
    public String jwks() {
        return current.jwks();
    }

    private record KeySet(SigningKey active, Map<String, SigningKey> published, String jwks) {

        static KeySet of(List<SigningKey> keys) {
            SigningKey active = keys.stream().filter(SigningKey::active).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no active signing key"));
            Map<String, SigningKey> published = new LinkedHashMap<>();
            keys.forEach(key -> published.put(key.kid(), key));
            String jwks = keys.stream().map(SigningKey::jwk).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            return new KeySet(active, Map.copyOf(published), jwks);
        }
    }
}
