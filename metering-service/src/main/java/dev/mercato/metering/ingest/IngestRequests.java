package dev.mercato.metering.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.metering.time.Instants;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.security.Caller;

/**
 * What the three ingestion endpoints share: the reporter from the token, the ids a request's events and report
 * get (from its {@code Idempotency-Key} or {@code X-Idempotency-Key}, else from its content), and turning a
 * report's fields into events.
 */
@ApplicationScoped
public class IngestRequests {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String LEGACY_KEY_HEADER = "X-Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ObjectMapper json;

    public IngestRequests(ObjectMapper json) {
        this.json = json;
    }

    static Reporter reporter(Caller caller) {
        return new Reporter(caller.organizationId(), caller.organizationKind(), caller.organizationPath());
    }

    /** The ids of {@code request}'s report and events. */
    EventIds ids(Reporter reporter, String shape, HttpHeaders headers, Object request) {
        String key = idempotencyKey(headers);
        return key != null ? EventIds.fromKey(reporter.organizationId(), shape, key)
                : EventIds.fromContent(reporter.organizationId(), shape, request, json);
    }

    /** The request's idempotency key, or null; a malformed one, or two different ones, is a 400. */
    static String idempotencyKey(HttpHeaders headers) {
        String key = headers.getHeaderString(KEY_HEADER);
        String legacy = headers.getHeaderString(LEGACY_KEY_HEADER);
        if (key != null && legacy != null && !key.equals(legacy)) {
            throw ApiException.badRequest("Invalid idempotency key", List.of(new FieldError(LEGACY_KEY_HEADER,
                    "differs from Idempotency-Key; send one of them")));
        }
        String header = key != null ? KEY_HEADER : LEGACY_KEY_HEADER;
        String value = key != null ? key : legacy;
        if (value != null && !VALID_KEY.matcher(value).matches()) {
            throw ApiException.badRequest("Invalid idempotency key",
                    List.of(new FieldError(header, "must be 1 to 255 visible ASCII characters")));
        }
        return value;
    }

    /** An event of the single-event form at {@code index}, with the caller's id or the derived one. */
    static UsageCandidate candidate(int index, UsageEventRequest event, EventIds ids) {
        return new UsageCandidate(index, event.eventId() != null ? event.eventId() : ids.eventId(index), event.vendor(),
                event.customerId(), event.listingId(), event.dimension(), event.quantity(), event.timestamp(),
                event.properties());
    }

    /** The events of an hourly report: one per usage, its {@code apiKey} the dimension and {@code units} the quantity. */
    static List<UsageCandidate> candidates(MeteringReportRequest report, int maxUsages, EventIds ids) {
        if (report.listingId() == null || report.listingId().isBlank()) {
            throw ApiException.invalidField("listingId", "is required");
        }
        MeteringReportRequest.Details details = report.details();
        if (details == null) {
            throw ApiException.invalidField("details", "is required");
        }
        if (details.customer() == null || details.customer().id() == null || details.customer().id().isBlank()) {
            throw ApiException.invalidField("details.customer.id", "is required");
        }
        String timestamp = reportTimestamp(details.reportingDate());
        List<MeteringReportRequest.Usage> usages = details.usages();
        if (usages == null || usages.isEmpty()) {
            throw ApiException.invalidField("details.usages", "must hold at least one usage");
        }
        if (usages.size() > maxUsages) {
            throw ApiException.invalidField("details.usages", "may hold at most " + maxUsages + " usages");
        }
        return java.util.stream.IntStream.range(0, usages.size()).mapToObj(index -> {
            MeteringReportRequest.Usage usage = usages.get(index);
            if (usage == null) {
                throw ApiException.invalidField("details.usages[" + index + "]", "must be an object");
            }
            return new UsageCandidate(index, ids.eventId(index), report.vendor(), details.customer().id(),
                    report.listingId(), usage.apiKey(), usage.units(), timestamp, null);
        }).toList();
    }

    /** A report's {@code reportingDate}: a date stands for the start of that day (UTC); an instant for itself. */
    private static String reportTimestamp(String reportingDate) {
        if (reportingDate == null || reportingDate.isBlank()) {
            throw ApiException.invalidField("details.reportingDate", "is required");
        }
        if (DATE.matcher(reportingDate).matches()) {
            try {
                return LocalDate.parse(reportingDate).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField("details.reportingDate", "is not a calendar date");
            }
        }
        if (Instants.parse(reportingDate) == null) {
            throw ApiException.invalidField("details.reportingDate",
                    "must be a date (YYYY-MM-DD) or an ISO 8601 date and time with an offset");
        }
        return reportingDate;
    }
}
