package dev.mercato.console.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.console.ConsoleConfig;
import dev.mercato.console.ConsoleConfig.FederatedProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sign-in through an OpenID provider (OAuth 2.0 authorization code flow with PKCE, RFC 7636): the console sends the
 * browser to the provider with a fresh {@code state}, {@code nonce} and code challenge, takes the code back on its
 * callback, exchanges it for an ID token, checks the nonce, and hands the token to identity-service, which verifies
 * its signature, issuer and audience and decides whether the user's organization allows that provider.
 * <p>
 * An attempt is kept in memory for {@value #LIFETIME_MINUTES} minutes, keyed by its {@code state}, and bound to the
 * browser that started it by a cookie of its own: a callback without that cookie (another browser, an attacker's
 * link) is refused, so nobody can be signed in to someone else's account. Each attempt works once.
 */
@ApplicationScoped
public class FederatedSignIn {

    public static final int LIFETIME_MINUTES = 10;
    private static final Duration LIFETIME = Duration.ofMinutes(LIFETIME_MINUTES);
    private static final Duration DISCOVERY_LIFETIME = Duration.ofHours(1);
    private static final int MAX_ATTEMPTS = 10_000;

    /** A provider as the sign-in page shows it. */
    public record Provider(String name, String label) {
    }

    /** Where to send the browser, and the value of the cookie that binds the attempt to it. */
    public record Started(String authorizationUrl, String binding) {
    }

    private record Attempt(String provider, String binding, String nonce, String verifier, Instant expires) {
    }

    private record Endpoints(String authorization, String token, Instant fetched) {
    }

    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebClient client;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Map<String, Endpoints> discovered = new ConcurrentHashMap<>();

    public FederatedSignIn(ConsoleConfig config, ObjectMapper json, Clock clock, Vertx vertx) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        int timeout = (int) Math.min(config.apiTimeout().toMillis(), Integer.MAX_VALUE);
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("mercato-console")
                .setConnectTimeout(timeout).setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The configured providers, by label. */
    public List<Provider> providers() {
        return config.federation().entrySet().stream()
                .map(entry -> new Provider(entry.getKey(), entry.getValue().label().orElse(entry.getKey())))
                .sorted(Comparator.comparing(Provider::label)).toList();
    }

    /** The label of a configured provider, or null. */
    public String label(String name) {
        FederatedProvider provider = config.federation().get(name);
        return provider == null ? null : provider.label().orElse(name);
    }

    /** Starts an attempt with the provider {@code name} (configured: see {@link #label}). */
    public Uni<Started> start(String name) {
        FederatedProvider provider = config.federation().get(name);
        return endpoints(name, provider).map(endpoints -> {
            forgetExpired();
            if (attempts.size() >= MAX_ATTEMPTS) {
                throw new FederatedSignInException(503, "Too many sign-ins are under way; try again in a few minutes.");
            }
            String state = SessionStore.randomToken();
            String binding = SessionStore.randomToken();
            String nonce = SessionStore.randomToken();
            String verifier = SessionStore.randomToken();
            attempts.put(state, new Attempt(name, binding, nonce, verifier, clock.instant().plus(LIFETIME)));
            String url = endpoints.authorization() + (endpoints.authorization().contains("?") ? "&" : "?")
                    + "response_type=code"
                    + "&client_id=" + encode(provider.clientId())
                    + "&redirect_uri=" + encode(callbackUrl(name))
                    + "&scope=" + encode("openid email")
                    + "&state=" + encode(state)
                    + "&nonce=" + encode(nonce)
                    + "&code_challenge=" + encode(challenge(verifier))
                    + "&code_challenge_method=S256";
            return new Started(url, binding);
        });
    }

    /**
     * Ends the attempt {@code state} (it works once) and answers the provider's ID token for it.
     *
     * @param binding the value of the browser's attempt cookie
     */
    public Uni<String> finish(String name, String state, String code, String binding) {
        Attempt attempt = state == null ? null : attempts.remove(state);
        if (attempt == null || !attempt.provider().equals(name) || attempt.expires().isBefore(clock.instant())
                || binding == null || !MessageDigest.isEqual(attempt.binding().getBytes(StandardCharsets.UTF_8),
                        binding.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new FederatedSignInException(400,
                    "This sign-in attempt is unknown, was already used or has expired; start again."));
        }
        if (code == null || code.isBlank() || code.length() > 4096) {
            return Uni.createFrom().failure(new FederatedSignInException(400,
                    label(name) + " sent no sign-in code back; start again."));
        }
        FederatedProvider provider = config.federation().get(name);
        return endpoints(name, provider).chain(endpoints -> {
            MultiMap form = MultiMap.caseInsensitiveMultiMap()
                    .add("grant_type", "authorization_code")
                    .add("code", code)
                    .add("redirect_uri", callbackUrl(name))
                    .add("client_id", provider.clientId())
                    .add("code_verifier", attempt.verifier());
            provider.clientSecret().ifPresent(secret -> form.add("client_secret", secret));
            return client.postAbs(endpoints.token()).timeout(config.apiTimeout().toMillis())
                    .putHeader("Accept", "application/json").sendForm(form)
                    .onFailure().transform(failure -> notAnswering(name))
                    .map(response -> idToken(name, response, attempt.nonce()));
        });
    }

    /** The provider sent the browser back with an error instead of a code: the attempt ends, saying why. */
    public Uni<String> refused(String name, String state, String error, String description) {
        if (state != null) {
            attempts.remove(state);
        }
        String why = description == null || description.isBlank() ? error : description;
        return Uni.createFrom().failure(new FederatedSignInException(400, label(name) + " did not sign you in: "
                + truncate(why.replaceAll("\\s+", " ").strip()) + "."));
    }

    private String idToken(String name, HttpResponse<Buffer> response, String nonce) {
        JsonNode body = parse(name, response);
        String idToken = body.path("id_token").asText("");
        if (response.statusCode() != 200 || idToken.isEmpty()) {
            throw new FederatedSignInException(502, label(name) + " did not accept the sign-in code ("
                    + truncate(body.path("error").asText("HTTP " + response.statusCode())) + "); start again.");
        }
        if (!nonce.equals(claims(idToken).path("nonce").asText(""))) {
            throw new FederatedSignInException(400, label(name) + " answered with an ID token of another sign-in; "
                    + "start again.");
        }
        return idToken;
    }

    private Uni<Endpoints> endpoints(String name, FederatedProvider provider) {
        Endpoints known = discovered.get(name);
        if (known != null && known.fetched().plus(DISCOVERY_LIFETIME).isAfter(clock.instant())) {
            return Uni.createFrom().item(known);
        }
        String issuer = stripSlash(provider.issuerUrl());
        return client.getAbs(issuer + "/.well-known/openid-configuration").timeout(config.apiTimeout().toMillis())
                .putHeader("Accept", "application/json").send()
                .onFailure().transform(failure -> notAnswering(name))
                .map(response -> {
                    JsonNode document = response.statusCode() == 200 ? parse(name, response) : json.nullNode();
                    String authorization = document.path("authorization_endpoint").asText("");
                    String token = document.path("token_endpoint").asText("");
                    if (!issuer.equals(stripSlash(document.path("issuer").asText(""))) || !authorization.startsWith("http")
                            || !token.startsWith("http")) {
                        throw new FederatedSignInException(502, label(name) + " has no usable OpenID configuration at "
                                + issuer + "; sign in with your password, or ask your administrator.");
                    }
                    Endpoints endpoints = new Endpoints(authorization, token, clock.instant());
                    discovered.put(name, endpoints);
                    return endpoints;
                });
    }

    private JsonNode parse(String name, HttpResponse<Buffer> response) {
        try {
            Buffer body = response.body();
            return body == null || body.length() == 0 ? json.nullNode() : json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new FederatedSignInException(502, label(name) + " answered with something that is not JSON; start again.");
        }
    }

    /** The claims of a JWT, read without checking its signature: identity-service checks that. */
    private JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return json.nullNode();
        }
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return json.nullNode();
        }
    }

    private FederatedSignInException notAnswering(String name) {
        return new FederatedSignInException(503, label(name) + " is not answering; try again, or sign in with your password.");
    }

    private String callbackUrl(String name) {
        return stripSlash(config.publicUrl()) + "/sign-in/federated/" + encode(name) + "/callback";
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        attempts.values().removeIf(attempt -> attempt.expires().isBefore(now));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String truncate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    /** Why a federated sign-in cannot go on, in one sentence for the sign-in page, with the page's status. */
    public static final class FederatedSignInException extends RuntimeException {
        private final int status;

        FederatedSignInException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
