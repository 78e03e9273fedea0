package dev.mercato.webhook.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;
import dev.mercato.webhook.WebhookConfig;
import dev.mercato.webhook.delivery.Signatures;
import dev.mercato.webhook.event.EventCatalogue;
import dev.mercato.webhook.ssrf.UrlGuard;
import dev.mercato.webhook.ssrf.UrlGuard.RefusedUrlException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Creating, changing and rotating endpoints. An organization manages its own endpoints only; the platform manages
 * every one. URLs are checked by the {@link UrlGuard} (with DNS, off the event loop) before anything is stored.
 */
@ApplicationScoped
public class WebhookService {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e\\t]*");
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-type", "content-length",
            "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "proxy-authorization",
            "proxy-connection", "expect", "user-agent", "x-request-id", "x-mercato-event",
            Signatures.HEX_HEADER.toLowerCase(Locale.ROOT), Signatures.HEX_HEADER_PREVIOUS.toLowerCase(Locale.ROOT));

    private final WebhookEndpointRepository endpoints;
    private final UrlGuard guard;
    private final Vertx vertx;
    private final WebhookConfig config;
    private final SecretEncryption encryption;

    public WebhookService(WebhookEndpointRepository endpoints, UrlGuard guard, Vertx vertx, WebhookConfig config,
            SecretEncryption encryption) {
        this.endpoints = endpoints;
        this.guard = guard;
        this.vertx = vertx;
        this.config = config;
        this.encryption = encryption;
    }

    /** What a caller may see and manage: its organization's endpoints, or every one for the platform. */
    public static Visibility visibility(Caller caller) {
        return "PLATFORM".equals(caller.organizationKind()) ? Visibility.ALL
                : Visibility.of("ownerId = :callerOrganization", Map.of("callerOrganization", caller.organizationId()));
    }

    public Uni<WebhookEndpoint> visible(String id, Caller caller) {
        return endpoints.findVisible(id, visibility(caller))
                .onItem().ifNull().failWith(() -> ApiException.notFound("webhook", id));
    }

    /** Creates an endpoint of the caller's organization; emits it with its secret (shown this once). */
    public Uni<WebhookEndpoint> create(WebhookRequest request, Caller caller) {
        if (request.url() == null || request.url().isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        validate(request);
        return checkUrl(request.url()).chain(() -> Panache.withTransaction(() -> {
            Instant now = Instant.now();
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.id = Ids.next("whk");
            endpoint.ownerId = caller.organizationId();
            endpoint.ownerPath = caller.organizationPath();
            endpoint.url = request.url().trim();
            endpoint.description = request.description();
            endpoint.eventTypes = new WebhookEndpoint.EventTypes(request.eventTypes());
            endpoint.enabled = request.enabled() == null || request.enabled();
            endpoint.disabledReason = endpoint.enabled ? null : "DISABLED_BY_OWNER";
            endpoint.includeDescendants = Boolean.TRUE.equals(request.includeDescendants());
            endpoint.rateLimitPerSecond = request.rateLimitPerSecond();
            endpoint.customHeaders = new WebhookEndpoint.CustomHeaders(headers(request.customHeaders()));
            endpoint.issuedSecret = Signatures.newSecret();
            endpoint.secret = encryption.seal(endpoint.id, endpoint.issuedSecret);
            endpoint.createdAt = now;
            endpoint.updatedAt = now;
            return endpoints.persist(endpoint);
        }));
    }

    public Uni<WebhookEndpoint> update(String id, WebhookRequest request, Caller caller) {
        validate(request);
        Uni<Void> checked = request.url() == null ? Uni.createFrom().voidItem() : checkUrl(request.url());
        return checked.chain(() -> Panache.withTransaction(() -> visible(id, caller).map(endpoint -> {
            if (request.url() != null) {
                endpoint.url = request.url().trim();
            }
            if (request.description() != null) {
                endpoint.description = request.description();
            }
            if (request.eventTypes() != null) {
                endpoint.eventTypes = new WebhookEndpoint.EventTypes(request.eventTypes());
            }
            if (request.enabled() != null && request.enabled() != endpoint.enabled) {
                endpoint.enabled = request.enabled();
                endpoint.disabledReason = endpoint.enabled ? null : "DISABLED_BY_OWNER";
                if (endpoint.enabled) { // a fresh start: the failure history that disabled it is over
                    endpoint.failingSince = null;
                    endpoint.consecutiveFailures = 0;
                    endpoint.circuitOpenUntil = null;
                }
            }
            if (request.includeDescendants() != null) {
                endpoint.includeDescendants = request.includeDescendants();
            }
            if (request.rateLimitPerSecond() != null) {
                endpoint.rateLimitPerSecond = request.rateLimitPerSecond();
            }
            if (request.customHeaders() != null) {
                endpoint.customHeaders = new WebhookEndpoint.CustomHeaders(headers(request.customHeaders()));
            }
            endpoint.updatedAt = Instant.now();
            return endpoint;
        })));
    }

    public Uni<Void> delete(String id, Caller caller) {
        return Panache.withTransaction(() -> visible(id, caller).chain(endpoints::delete));
    }

    /** A new secret; the old one keeps signing (as a second signature) for the overlap. Emits the new secret. */
    public Uni<WebhookEndpoint> rotate(String id, Integer overlapMinutes, Caller caller) {
        Duration overlap = overlapMinutes == null ? config.secretOverlap() : Duration.ofMinutes(overlapMinutes);
        return Panache.withTransaction(() -> visible(id, caller).map(endpoint -> {
            Instant now = Instant.now();
            endpoint.previousSecret = overlap.isZero() ? null : endpoint.secret; // sealed for the same endpoint
            endpoint.previousSecretUntil = overlap.isZero() ? null : now.plus(overlap);
            endpoint.issuedSecret = Signatures.newSecret();
            endpoint.secret = encryption.seal(endpoint.id, endpoint.issuedSecret);
            endpoint.updatedAt = now;
            return endpoint;
        }));
    }

    private Uni<Void> checkUrl(String url) {
        return vertx.executeBlocking(() -> {
            try {
                guard.check(url);
                return null;
            } catch (RefusedUrlException e) {
                throw ApiException.invalidField("url", e.getMessage());
            }
        }, false).replaceWithVoid();
    }

    private static void validate(WebhookRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.eventTypes() != null) {
            for (String type : request.eventTypes()) {
                if (type == null || !EventCatalogue.exists(type) || EventCatalogue.TEST.equals(type)) {
                    errors.add(new FieldError("eventTypes", "unknown event type: " + abbreviate(type)
                            + " (GET /api/v1/webhooks/event-types lists them)"));
                }
            }
        }
        if (request.customHeaders() != null) {
            request.customHeaders().forEach((name, value) -> {
                if (name == null || !HEADER_NAME.matcher(name).matches()) {
                    errors.add(new FieldError("customHeaders", "invalid header name: " + abbreviate(name)));
                } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                        || name.toLowerCase(Locale.ROOT).startsWith("webhook-")) {
                    errors.add(new FieldError("customHeaders", "header " + name + " is set by Mercato"));
                } else if (value == null || !HEADER_VALUE.matcher(value).matches()) {
                    errors.add(new FieldError("customHeaders", "header " + name + " has an invalid value"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid request parameters", errors);
        }
    }

    private static Map<String, String> headers(Map<String, String> requested) {
        return requested == null ? Map.of() : new LinkedHashMap<>(requested);
    }

    private static String abbreviate(String value) {
        return value == null ? "null" : value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
