package dev.mercato.identity.audit;

import java.time.Instant;

/**
 * One audit event ready to be stored.
 *
 * @param ownerPath   the organization path it belongs to (visibility)
 * @param detailsJson a JSON object without secrets
 */
public record AuditRow(String id, Instant occurredAt, String actor, String ownerPath, String action,
        String targetType, String targetId, String detailsJson, String requestId) {
}
