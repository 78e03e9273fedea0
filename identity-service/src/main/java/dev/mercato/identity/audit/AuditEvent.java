package dev.mercato.identity.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored audit event: who did what to which credential or setting, within which organization. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public String id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The user, application or API key that acted, or {@code system}. */
    @Column(nullable = false)
    public String actor;

    /** The organization path the event belongs to: who may read it. */
    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    /** e.g. {@code token.issued}, {@code application.revoked}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    /** A JSON object; never a secret. */
    @Column(nullable = false)
    public String details;

    @Column(name = "request_id")
    public String requestId;
}
