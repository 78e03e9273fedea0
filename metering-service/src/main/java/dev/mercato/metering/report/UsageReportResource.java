package dev.mercato.metering.report;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.metering.directory.UsageAccess;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Usage reports with their outcome ({@code read:metering}): a tenant sees the reports about itself, a
 * vendor those about its listings, a partner or distributor those of its subtree, the platform all.
 */
@Path("/api/v1/metering")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metering")
@PermissionsAllowed(Scopes.READ_METERING)
public class UsageReportResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("shape", "shape")
            .string("customerId", "customerId")
            .string("vendorId", "vendorId")
            .string("listingId", "listingId")
            .string("status", "status")
            .integer("accepted", "accepted")
            .integer("rejected", "rejected")
            .instant("receivedAt", "receivedAt")
            .defaultSort("-receivedAt")
            .tieBreaker("id")
            .build();

    /** The short filters the usage summary also takes, as the list fields they stand for. */
    private static final Map<String, String> SHORT_FILTERS = Map.of("customer", "customerId", "listing", "listingId",
            "from", "receivedAt[gte]", "to", "receivedAt[lt]");

    private final UsageReportRepository reports;
    private final Caller caller;

    public UsageReportResource(UsageReportRepository reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the usage reports the caller may see, with their outcome. Filters and sort fields: id, "
            + "shape, customerId (or customer), vendorId, listingId (or listing), status, accepted, rejected, receivedAt "
            + "(from = receivedAt[gte], to = receivedAt[lt])")
    public Uni<PageResponse<UsageReportResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(expanded(uri.getQueryParameters()), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(reports, UsageAccess.of(caller), query, UsageReportResponse::of);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every usage report the caller may see, in id order")
    public Multi<UsageReportResponse> dump() {
        return Listings.dump(reports, UsageAccess.of(caller), "id", report -> report.id, UsageReportResponse::of);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One usage report, by its id")
    public Uni<ApiResponse<UsageReportResponse>> get(@PathParam("id") String id) {
        return reports.findVisible(id, UsageAccess.of(caller))
                .onItem().ifNull().failWith(() -> ApiException.notFound("usage report", id))
                .map(report -> ApiResponse.ok(UsageReportResponse.of(report)));
    }

    private static Map<String, List<String>> expanded(Map<String, List<String>> parameters) {
        Map<String, List<String>> expanded = new LinkedHashMap<>();
        parameters.forEach((name, values) -> expanded.merge(SHORT_FILTERS.getOrDefault(name, name), values,
                (first, second) -> Stream.concat(first.stream(), second.stream()).toList()));
        return expanded;
    }
}
