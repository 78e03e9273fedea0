package dev.mercato.identity.token;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this authorization server is reached and what it calls itself: {@code mercato.identity.issuer}
 * (claim {@code iss}), defaulting to {@code mercato.identity.url} ({@code MERCATO_IDENTITY_URL}).
 */
@ApplicationScoped
public class IssuerSettings {

    private final String issuer;

    public IssuerSettings(@ConfigProperty(name = "mercato.identity.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mercato.identity.url", defaultValue = "http://127.0.0.1:8081") String url) {
        this.issuer = stripSlash(issuer.filter(value -> !value.isBlank()).orElse(url));
    }

    /** The {@code iss} of every token, and the base of every endpoint URL in the discovery document. */
    public String issuer() {
        return issuer;
    }

    /** An absolute URL of this server, e.g. {@code endpoint("/oauth/token")}. */
    public String endpoint(String path) {
        return issuer + path;
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
