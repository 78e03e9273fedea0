package dev.mercato.identity.federated;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

/** The configured issuers, checked once at start-up, and how a login request picks one. */
@ApplicationScoped
public class FederatedIssuers {

    private final List<FederatedIssuer> issuers;

    public FederatedIssuers(FederationConfig config) {
        this.issuers = config.issuers().entrySet().stream()
                .map(entry -> new FederatedIssuer(entry.getKey(), entry.getValue().issuerUrl(),
                        entry.getValue().audience(), entry.getValue().jwksUrl().orElse(null)))
                .toList();
        for (FederatedIssuer issuer : issuers) {
            try {
                IssuerDocuments.requireSecure(issuer.issuerUrl());
                if (issuer.jwksUrl() != null) {
                    IssuerDocuments.requireSecure(issuer.jwksUrl());
                }
            } catch (IssuerUnavailableException | IllegalArgumentException e) {
                throw new IllegalStateException("mercato.identity.federation.issuers." + issuer.name()
                        + " must use https URLs (http only for a loopback host)", e);
            }
        }
    }

    /** The configured names, sorted: what organization settings may list as allowed issuers. */
    public Set<String> names() {
        TreeSet<String> names = new TreeSet<>();
        issuers.forEach(issuer -> names.add(issuer.name()));
        return names;
    }

    /**
     * The issuer a request names (by configuration name or issuer URL) or, when it names none, the one
     * whose URL is the token's {@code iss}; null when there is no such issuer.
     */
    FederatedIssuer select(String requested, String tokenIssuer) {
        String wanted = requested != null ? requested : tokenIssuer;
        if (wanted == null) {
            return null;
        }
        return issuers.stream()
                .filter(issuer -> wanted.equals(issuer.issuerUrl()) || (requested != null && wanted.equals(issuer.name())))
                .findFirst()
                .orElse(null);
    }
}
