package dev.mercato.catalog.plan;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
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
 * Plans and their versions. Every reader of the catalogue sees published plans and versions; drafts
 * only the owning vendor and the platform, who alone change plans (anyone else: 404).
 */
@Path("/api/v1/plans")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("name", "name")
            .string("ownerId", "ownerId")
            .string("listingId", "listingId")
            .integer("publishedVersion", "publishedVersion")
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final PlanService service;
    private final PlanRepository plans;
    private final PlanMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public PlanResource(PlanService service, PlanRepository plans, PlanMapper mapper, IdempotentRequests idempotency,
            Caller caller) {
        this.service = service;
        this.plans = plans;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Create a plan with its draft version 1 (a vendor for itself, the platform for vendorId)")
    public Uni<Response> create(@Valid @NotNull CreatePlanRequest request, @Context HttpHeaders headers) {
        return idempotency.once(headers, "POST /api/v1/plans " + caller.clientId(), request,
                () -> service.create(request, caller).map(stored -> created(stored)));
    }

    @GET
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "List plans: filters and sorts on id, name, ownerId, listingId, publishedVersion, createdAt, updatedAt")
    public Uni<PageResponse<PlanSummaryResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS,
                QueryContext.of(Clock.systemUTC()).withMe(caller.organizationId()));
        return Listings.page(plans, visible(), query, this::toSummary);
    }

    @GET
    @Path("/-dump")
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "Every plan the caller may see, in id order")
    public Multi<PlanSummaryResponse> dump() {
        return Listings.dump(plans, visible(), "id", plan -> plan.id, this::toSummary);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "A plan with every version the caller may see")
    public Uni<ApiResponse<PlanResponse>> get(@PathParam("id") String id) {
        return service.visible(id, caller).map(ApiResponse::ok);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "One version of a plan; published versions stay readable for good")
    public Uni<ApiResponse<PlanVersionResponse>> version(@PathParam("id") String id, @PathParam("version") int version) {
        return service.version(id, version, caller).map(ApiResponse::ok);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Change the plan and its draft version (409 when every version is published)")
    public Uni<ApiResponse<PlanResponse>> update(@PathParam("id") String id, @Valid @NotNull UpdatePlanRequest request) {
        return service.update(id, request, caller).map(stored -> ApiResponse.ok(mapper.toResponse(stored, true)));
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Publish the draft version: it never changes again; honours Idempotency-Key")
    public Uni<Response> publish(@PathParam("id") String id, @Context HttpHeaders headers) {
        // A retried publish with its key gets the first answer again rather than a 409 for its own success.
        return idempotency.once(headers, "POST /api/v1/plans/" + id + "/publish " + caller.clientId(), Map.of(),
                () -> service.publish(id, caller).map(stored -> Response.ok(ApiResponse.ok(mapper.toResponse(stored, true)))
                        .build()));
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Start the next draft version, copied from the newest one")
    public Uni<Response> startVersion(@PathParam("id") String id, @Context HttpHeaders headers) {
        return idempotency.once(headers, "POST /api/v1/plans/" + id + "/versions " + caller.clientId(), Map.of(),
                () -> service.startVersion(id, caller).map(stored -> created(stored)));
    }

    private Response created(StoredPlan stored) {
        return Response.status(201).entity(ApiResponse.created(mapper.toResponse(stored, true))).build();
    }

    private PlanSummaryResponse toSummary(Plan plan) {
        return mapper.toSummary(plan, service.manages(plan, caller));
    }

    /** Published plans, and the caller's own (or, for the platform, every) plan with only a draft. */
    private Visibility visible() {
        Visibility own = caller.visibility("ownerPath");
        Map<String, Object> parameters = new HashMap<>(own.parameters());
        return Visibility.of("publishedVersion is not null or " + own.condition(), parameters);
    }
}
