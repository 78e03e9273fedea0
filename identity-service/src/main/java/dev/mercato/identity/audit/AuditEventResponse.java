package dev.mercato.identity.audit;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** An audit event as {@code GET /api/v1/audit-events} shows it. */
public record AuditEventResponse(String id, Instant occurredAt, String actor, String action, String targetType,
        String targetId, JsonNode details, String requestId) {
}
