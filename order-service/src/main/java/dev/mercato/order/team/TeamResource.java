package dev.mercato.order.team;

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
 * Teams, read-only ({@code read:orders}): a customer's named groups of subscriptions. A caller sees its own
 * organization's customers' teams and those below it; any other answers 404.
 */
@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
@PermissionsAllowed(Scopes.READ_ORDERS)
public class TeamResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("name", "name")
            .string("customerId", "customer.id")
            .string("customerCsn", "customer.csn")
            .string("customerName", "customer.name")
            .string("primaryAdminEmail", "primaryAdminEmail")
            .integer("seats", "seats")
            .integer("productSeats", "productSeats")
            .date("latestEndDate", "latestEndDate")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final String CUSTOMER_PATH = "customer.path";

    private final TeamRepository teams;
    private final Caller caller;

    public TeamResource(TeamRepository teams, Caller caller) {
        this.teams = teams;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the teams the caller may see. Filters and sort fields: id, name, customerId, customerCsn, "
            + "customerName, primaryAdminEmail, seats, productSeats, latestEndDate, createdAt, lastUpdated")
    public Uni<PageResponse<TeamResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(teams, caller.visibility(CUSTOMER_PATH), query, TeamResource::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every team the caller may see, in id order")
    public Multi<TeamResponse> dump() {
        return Listings.dump(teams, caller.visibility(CUSTOMER_PATH), "id", team -> team.id,
                TeamResource::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One team, by its id")
    public Uni<ApiResponse<TeamResponse>> get(@PathParam("id") String id) {
        return teams.findVisible(id, caller.visibility(CUSTOMER_PATH))
                .onItem().ifNull().failWith(() -> ApiException.notFound("team", id))
                .map(team -> ApiResponse.ok(toResponse(team)));
    }

    static TeamResponse toResponse(Team team) {
        return new TeamResponse(team.id, "team", team.name, team.customer.id, team.customer.csn, team.customer.name,
                team.primaryAdminEmail, team.primaryAdminFirstName, team.primaryAdminLastName, team.seats,
                team.productSeats, team.latestEndDate, team.createdAt, team.lastUpdated);
    }
}
