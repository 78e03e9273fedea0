package dev.mercato.platform.security.token;

import java.time.InstantSource;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Access tokens this instance has verified, with the identity each became, so that a token's
 * signature is checked once and not on every request. Keyed by the whole token string: a token that
 * differs in any character (another signature, another body) is another key and is verified afresh.
 * An entry is valid until the token's {@code exp} plus the clock grace quarkus-oidc allows
 * ({@code quarkus.oidc.token.lifespan-grace}), checked on every read, so a remembered token is refused
 * exactly when an unremembered one would be. Revocation is not decided here: the deny list is
 * consulted on every request ({@code AccessTokenAugmentor}). Memory is bounded by
 * {@code mercato.security.token-cache.max-size}.
 */
@Singleton
public class VerifiedTokenCache {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class);

    private final boolean enabled;
    private final long graceMillis;
    private final InstantSource clock;
    private final Cache<String, Entry> entries;
    private final Counter hits;
    private final Counter misses;

    @Inject // two constructors: this one is the bean's
    public VerifiedTokenCache(TokenVerificationConfig config,
            @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace", defaultValue = "0") int graceSeconds,
            MeterRegistry registry) {
        this(config.tokenCache(), graceSeconds, registry, InstantSource.system());
    }

    VerifiedTokenCache(TokenVerificationConfig.TokenCache config, int graceSeconds, MeterRegistry registry, InstantSource clock) {
        if (config.maxSize() < 1) {
            throw new IllegalArgumentException("mercato.security.token-cache.max-size must be positive, not "
                    + config.maxSize());
        }
        this.enabled = config.enabled();
        this.graceMillis = TimeUnit.SECONDS.toMillis(Math.max(0, graceSeconds));
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(new UntilRefused(clock))
                // Evict on the writing thread, so the bound holds after every write, not eventually.
                .executor(Runnable::run)
                .build();
        this.hits = Counter.builder("mercato.token.cache.hits")
                .description("Requests whose access token was found verified in the cache").register(registry);
        this.misses = Counter.builder("mercato.token.cache.misses")
                .description("Requests whose access token had to be verified").register(registry);
        Gauge.builder("mercato.token.cache.size", entries, Cache::estimatedSize)
                .description("Verified access tokens remembered").register(registry);
        LOG.debugf("verified-token cache: enabled=%s, max-size=%d", enabled, config.maxSize());
    }

    /**
     * The identity {@code token} was verified as, or null when it was not verified here, was
     * forgotten, or has expired (then it is forgotten and must go through full verification, which
     * refuses it).
     */
    public SecurityIdentity find(String token) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.getIfPresent(token);
        if (entry != null && clock.millis() >= entry.refusedFromMillis()) {
            entries.invalidate(token);
            entry = null;
        }
        (entry == null ? misses : hits).increment();
        return entry == null ? null : entry.identity();
    }

    /**
     * Remembers that {@code token}, which expires at {@code expiresAtEpochSecond}, was verified as
     * {@code identity}. The identity must hold nothing that belongs to one request only.
     */
    public void remember(String token, SecurityIdentity identity, long expiresAtEpochSecond) {
        if (!enabled) {
            return;
        }
        long refusedFrom = TimeUnit.SECONDS.toMillis(expiresAtEpochSecond) + graceMillis;
        if (refusedFrom > clock.millis()) {
            entries.put(token, new Entry(identity, refusedFrom));
        }
    }

    /** How many tokens are remembered now. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** A verified token's identity and the instant (epoch milliseconds) from which the token is refused. */
    private record Entry(SecurityIdentity identity, long refusedFromMillis) {
    }

    /** Each entry leaves the cache when its token would be refused. */
    private record UntilRefused(InstantSource clock) implements Expiry<String, Entry> {

        @Override
        public long expireAfterCreate(String token, Entry entry, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.refusedFromMillis() - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(String token, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
