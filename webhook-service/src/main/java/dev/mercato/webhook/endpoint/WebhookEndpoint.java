package dev.mercato.webhook.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organization's webhook endpoint. Its secrets are stored encrypted ({@link SecretEncryption}); the secret as
 * issued is shown once, in the answer to its creation or rotation, and never logged.
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

    /** The signing secret, encrypted. */
    @Column(nullable = false)
    public String secret;

    /** The secret before the last rotation, encrypted; it signs beside the new one until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    /** The secret issued in this request (creation or rotation), to be shown once; never stored. */
    @Transient
    public String issuedSecret;

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
}
