package dev.mercato.catalog.plan;

import java.time.Clock;

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
 * The effective prices, readable by every reader of the catalogue: every price definition of each plan's
 * newest published version, and every amount of every article's purchase and retail price object. Drafts
 * and superseded versions are not listed (a superseded version stays readable at
 * {@code /plans/{id}/versions/{n}}); which rows are effective is decided by the view {@link EffectivePrice} reads.
 */
@Path("/api/v1/pricing")
@Tag(name = "Pricing")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Scopes.READ_CATALOG)
public class PricingResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .enumeration("kind", "kind", EffectivePrice.Kind.class)
            .string("planId", "planId")
            .integer("planVersion", "planVersion")
            .string("ownerId", "ownerId")
            .string("currency", "currency")
            .enumeration("pricingPeriod", "pricingPeriod", PricingPeriod.class)
            .enumeration("costTypeCategory", "costTypeCategory", CostTypeCategory.class)
            .enumeration("pricingStrategy", "pricingStrategy", PricingStrategy.class)
            .string("listingId", "listingId")
            .string("dimensionKey", "dimensionKey")
            .string("sku", "sku")
            .string("priceList", "priceList")
            .date("startDate", "startDate")
            .date("endDate", "endDate")
            .instant("createdAt", "createdAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final EffectivePriceRepository prices;
    private final PlanMapper mapper;

    public PricingResource(EffectivePriceRepository prices, PlanMapper mapper) {
        this.prices = prices;
        this.mapper = mapper;
    }

    @GET
    @WithSession
    @Operation(summary = "List effective prices of plans and SKUs: filters and sorts on id, kind, planId, planVersion, ownerId, currency, pricingPeriod, costTypeCategory, pricingStrategy, listingId, dimensionKey, sku, priceList, startDate, endDate, createdAt")
    public Uni<PageResponse<PriceResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(prices, Visibility.ALL, query, mapper::toPriceResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every effective price, in id order")
    public Multi<PriceResponse> dump() {
        return Listings.dump(prices, Visibility.ALL, "id", price -> price.id, mapper::toPriceResponse);
    }
}
