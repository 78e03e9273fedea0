package dev.mercato.catalog.plan;

import java.time.Clock;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Scopes;
import dev.mercato.pricing.PricingStrategy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The effective prices: every price definition of each plan's newest published version, readable by
 * every reader of the catalogue. Drafts and superseded versions are not listed (a superseded version
 * stays readable at {@code /plans/{id}/versions/{n}}).
 */
@Path("/api/v1/pricing")
@Tag(name = "Pricing")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Scopes.READ_CATALOG)
public class PricingResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("planId", "planId")
            .integer("planVersion", "planVersion")
            .string("ownerId", "ownerId")
            .string("currency", "currency")
            .enumeration("pricingPeriod", "pricingPeriod", PricingPeriod.class)
            .enumeration("costTypeCategory", "costTypeCategory", CostTypeCategory.class)
            .enumeration("pricingStrategy", "pricingStrategy", PricingStrategy.class)
            .string("listingId", "listingId")
            .string("dimensionKey", "dimensionKey")
            .instant("createdAt", "createdAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    /** Prices of the version each plan publishes now. */
    private static final Visibility EFFECTIVE = Visibility.of(
            "planVersion = (select p.publishedVersion from Plan p where p.id = planId)", Map.of());

    private final PlanPriceRepository prices;
    private final PlanMapper mapper;

    public PricingResource(PlanPriceRepository prices, PlanMapper mapper) {
        this.prices = prices;
        this.mapper = mapper;
    }

    @GET
    @WithSession
    @Operation(summary = "List effective prices: filters and sorts on planId, planVersion, ownerId, currency, pricingPeriod, costTypeCategory, pricingStrategy, listingId, dimensionKey, createdAt")
    public Uni<PageResponse<PriceResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(prices, EFFECTIVE, query, mapper::toPriceResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every effective price, in id order")
    public Multi<PriceResponse> dump() {
        return Listings.dump(prices, EFFECTIVE, "id", price -> price.id, mapper::toPriceResponse);
    }
}
