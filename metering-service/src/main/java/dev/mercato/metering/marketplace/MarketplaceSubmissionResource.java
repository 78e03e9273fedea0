package dev.mercato.metering.marketplace;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
 * What was sent to the cloud marketplaces and what they answered ({@code read:metering}, read only): a vendor
 * sees the submissions of its listings, the platform all; anyone else none.
 */
@Path("/api/v1/metering/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metering")
@PermissionsAllowed(Scopes.READ_METERING)
public class MarketplaceSubmissionResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("marketplace", "marketplace")
            .string("aggregateId", "aggregateId")
            .string("customerId", "customerId")
            .string("vendorId", "vendorId")
            .string("listingId", "listingId")
            .string("dimension", "dimension")
            .string("status", "status")
            .string("reason", "reason")
            .integer("attempts", "attempts")
            .instant("hourStart", "hourStart")
            .instant("createdAt", "createdAt")
            .instant("submittedAt", "submittedAt")
            .defaultSort("-hourStart")
            .tieBreaker("id")
            .build();

    private final MarketplaceSubmissionRepository submissions;
    private final Caller caller;

    public MarketplaceSubmissionResource(MarketplaceSubmissionRepository submissions, Caller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List marketplace submissions with their outcome. Filters and sort fields: id, marketplace, "
            + "aggregateId, customerId, vendorId, listingId, dimension, status, reason, attempts, hourStart, createdAt, "
            + "submittedAt (default sort: -hourStart)")
    public Uni<PageResponse<MarketplaceSubmissionResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(submissions, MarketplaceSubmissionRepository.visibility(caller), query,
                MarketplaceSubmissionResponse::of);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every marketplace submission the caller may see, in id order")
    public Multi<MarketplaceSubmissionResponse> dump() {
        return Listings.dump(submissions, MarketplaceSubmissionRepository.visibility(caller), "id",
                submission -> submission.id, MarketplaceSubmissionResponse::of);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One marketplace submission, by its id")
    public Uni<ApiResponse<MarketplaceSubmissionResponse>> get(@PathParam("id") String id) {
        return submissions.findVisible(id, MarketplaceSubmissionRepository.visibility(caller))
                .onItem().ifNull().failWith(() -> ApiException.notFound("marketplace submission", id))
                .map(submission -> ApiResponse.ok(MarketplaceSubmissionResponse.of(submission)));
    }
}
