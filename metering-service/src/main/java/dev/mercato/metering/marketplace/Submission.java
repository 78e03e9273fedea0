package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A claimed hour of one customer's usage of one dimension, as an adapter sends it.
 *
 * @param accountKind AWS: {@code CustomerAWSAccountId} or {@code CustomerIdentifier}; null for Azure
 * @param accountId   AWS account or customer identifier; Azure resource id
 */
record Submission(String id, String marketplace, String productCode, String accountKind, String accountId, String planId,
        String dimension, Instant hourStart, BigDecimal quantity) {
}
