package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A marketplace submission as the API shows it.
 *
 * @param quantity              the hour's usage (the aggregate's declared value)
 * @param submittedQuantity     what was sent (AWS: rounded up to whole units); null until sent
 * @param unsubmittedCorrection corrections of the hour that arrived after it was sent (a marketplace takes one
 *                              record per hour): billed by Mercato, not by the marketplace
 * @param reason                the marketplace's status or error for anything not accepted
 */
public record MarketplaceSubmissionResponse(String id, String object, String marketplace, String aggregateId,
        String customerId, String vendorId, String listingId, String dimension, Instant hourStart, String productCode,
        String accountId, String planId, BigDecimal quantity, BigDecimal submittedQuantity,
        BigDecimal unsubmittedCorrection, String status, String reason, String marketplaceRecordId, int attempts,
        Instant nextAttemptAt, Instant createdAt, Instant submittedAt) {

    static MarketplaceSubmissionResponse of(MarketplaceSubmission s) {
        return new MarketplaceSubmissionResponse(s.id, "marketplace_submission", s.marketplace, s.aggregateId,
                s.customerId, s.vendorId, s.listingId, s.dimension, s.hourStart, s.productCode, s.accountId, s.planId,
                exact(s.quantity), exact(s.submittedQuantity), exact(s.unsubmittedCorrection), s.status, s.reason,
                s.marketplaceRecordId, s.attempts, s.nextAttemptAt, s.createdAt, s.submittedAt);
    }

    private static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
