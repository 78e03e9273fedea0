package dev.mercato.webhook.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organization's webhook endpoint. The secret is kept as given out, because every delivery is signed with it
 * (it is never shown again after creation or rotation, never logged).
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    public String id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Column(nullable = false)
    public String url;

    public String description;

    /** Kept in a JSON object, not a bare array: Hibernate Reactive binds JSON columns as objects. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    public EventTypes eventTypes;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "include_descendants", nullable = false)
    public boolean includeDescendants;

    @Column(name = "rate_limit_per_second")
    public Integer rateLimitPerSecond;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_headers", nullable = false)
    public CustomHeaders customHeaders;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "circuit_open_until")
    public Instant circuitOpenUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The event types it receives; null types means every type. */
    public record EventTypes(List<String> types) {
    }

    public record CustomHeaders(Map<String, String> headers) {
    }

    /** Whether it receives events of {@code type}. */
    public boolean wants(String type) {
        return eventTypes == null || eventTypes.types() == null || eventTypes.types().contains(type);
    }
}
