package dev.mercato.metering.report;

import java.time.Instant;
import java.util.List;

import dev.mercato.platform.events.MeteringReportV1.RejectedEventV1;

/** A usage report's outcome as the API shows it: how many events were accepted, and each rejected one with why. */
public record UsageReportResponse(
        String id,
        String object,
        String shape,
        String vendorId,
        String listingId,
        String customerId,
        String status,
        int accepted,
        int rejected,
        List<RejectedEventV1> rejections,
        Instant receivedAt) {

    static UsageReportResponse of(UsageReport report) {
        return new UsageReportResponse(report.id, "usage_report", report.shape, report.vendorId, report.listingId,
                report.customerId, report.status, report.accepted, report.rejected, report.rejections.items(),
                report.receivedAt);
    }
}
