package dev.mercato.identity.federated;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The signing keys of each configured issuer, cached. Keys are fetched on first use (discovery
 * document → {@code jwks_uri}, unless a JWKS URL is configured), again when they are older than
 * {@code keys-max-age}, and when a token names a {@code kid} we do not know — at most once per
 * {@code keys-min-refresh-interval}, so a stream of made-up key ids cannot flood the issuer. When the
 * issuer cannot be reached, the keys we already have keep being used.
 */
@ApplicationScoped
class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);

    private final IssuerDocuments documents;
    private final Duration maxAge;
    private final Duration minRefreshInterval;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** What we hold for one issuer: its key set and when the last fetch started. */
    private record Cached(IssuerKeySet keys, Instant lastFetchStarted) {
    }

    IssuerKeys(IssuerDocuments documents, FederationConfig config) {
        this.documents = documents;
        this.maxAge = config.keysMaxAge();
        this.minRefreshInterval = config.keysMinRefreshInterval();
    }

    /** The issuer's key for {@code kid} and {@code algorithm}; null when it publishes none that fits. */
    Uni<PublicKey> find(FederatedIssuer issuer, String kid, JwsAlgorithm algorithm) {
        Instant now = clock.instant();
        Cached cached = cache.get(issuer.name());
        if (cached == null) {
            // Nothing yet. A failed first fetch is tried again by the next login, within the circuit breaker.
            return refresh(issuer, null, now).map(keys -> keys.find(kid, algorithm));
        }
        boolean fresh = !cached.keys().fetchedAt().plus(maxAge).isBefore(now);
        PublicKey key = cached.keys().find(kid, algorithm);
        if ((fresh && key != null) || !claimRefresh(issuer.name(), cached, now)) {
            return Uni.createFrom().item(key);
        }
        return refresh(issuer, cached.keys(), now).map(keys -> keys.find(kid, algorithm));
    }

    /** True for the one caller that may start a fetch now, false while the last one is too recent. */
    private boolean claimRefresh(String issuerName, Cached cached, Instant now) {
        if (cached.lastFetchStarted().plus(minRefreshInterval).isAfter(now)) {
            return false;
        }
        return cache.replace(issuerName, cached, new Cached(cached.keys(), now));
    }

    private Uni<IssuerKeySet> refresh(FederatedIssuer issuer, IssuerKeySet stale, Instant now) {
        return fetch(issuer)
                .invoke(keys -> cache.put(issuer.name(), new Cached(keys, now)))
                .onFailure(IssuerUnavailableException.class).recoverWithUni(failure -> {
                    LOG.warnf("keys of federation issuer %s could not be fetched: %s", issuer.name(), failure.getMessage());
                    return stale != null ? Uni.createFrom().item(stale) : Uni.createFrom().failure(failure);
                });
    }

    private Uni<IssuerKeySet> fetch(FederatedIssuer issuer) {
        Uni<String> jwksUrl = issuer.jwksUrl() != null
                ? Uni.createFrom().item(issuer.jwksUrl())
                : documents.get(issuer.name(), issuer.issuerUrl() + "/.well-known/openid-configuration")
                        .map(discovery -> jwksUriOf(issuer, discovery));
        return jwksUrl.chain(url -> documents.get(issuer.name(), url))
                .map(jwks -> {
                    try {
                        return IssuerKeySet.parse(jwks, clock.instant());
                    } catch (IllegalArgumentException e) {
                        throw new IssuerUnavailableException(e.getMessage());
                    }
                });
    }

    /** OpenID Connect Discovery 1.0, 4.3: the document must name exactly the issuer we asked. */
    private static String jwksUriOf(FederatedIssuer issuer, JsonNode discovery) {
        if (!issuer.issuerUrl().equals(discovery.path("issuer").asText(null))) {
            throw new IssuerUnavailableException("discovery document names another issuer");
        }
        String jwksUri = discovery.path("jwks_uri").asText(null);
        if (jwksUri == null) {
            throw new IssuerUnavailableException("discovery document has no jwks_uri");
        }
        return jwksUri;
    }
}
