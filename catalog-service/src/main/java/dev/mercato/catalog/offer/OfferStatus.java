package dev.mercato.catalog.offer;

/**
 * Where a private offer stands: {@code DRAFT → SENT → ACCEPTED | DECLINED | EXPIRED}, or {@code CANCELLED}
 * by its vendor from draft or sent. Only a draft changes; the last four never change again.
 */
public enum OfferStatus {
    DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED, CANCELLED
}
