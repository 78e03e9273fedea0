package dev.mercato.metering.report;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mercato.platform.events.MeteringReportV1.RejectedEventV1;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The outcome of one usage report (one ingestion request), as {@code metering.reports} told it. */
@Entity
@Table(name = "usage_report")
public class UsageReport {

    @Id
    public String id;

    /** metering-event, metering or usage. */
    @Column(nullable = false)
    public String shape;

    @Column(name = "vendor_id")
    public String vendorId;

    @Column(name = "listing_id")
    public String listingId;

    /** The customer when the report is about one (a batch may name several). */
    @Column(name = "customer_id")
    public String customerId;

    /** CONFIRMED (every event accepted) or FAILED (at least one rejected). */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int accepted;

    @Column(nullable = false)
    public int rejected;

    /** Kept in a JSON object, not a bare array: Hibernate Reactive binds JSON columns as objects. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Rejections rejections;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The stored form of a report's rejected events. */
    @RegisterForReflection // stored as JSON in usage_report.rejections
    public record Rejections(List<RejectedEventV1> items) {
    }
}
