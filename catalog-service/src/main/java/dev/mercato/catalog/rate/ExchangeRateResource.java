package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
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
import dev.mercato.pricing.Money;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Currency exchange rates, current and historical, and conversions with them. Everyone with
 * {@code read:catalog} reads and converts; only the platform operator adds and deactivates rates.
 */
@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange rates")
public class ExchangeRateResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("baseCurrency", "baseCurrency")
            .string("counterCurrency", "counterCurrency")
            .decimal("rate", "rate")
            .date("validFrom", "validFrom")
            .bool("active", "active")
            .instant("createdAt", "createdAt")
            .defaultSort("-validFrom")
            .tieBreaker("id")
            .build();

    private final Clock clock;
    private final ExchangeRateService service;
    private final ExchangeRateRepository rates;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ExchangeRateResource(ExchangeRateService service, ExchangeRateRepository rates,
            IdempotentRequests idempotency, Caller caller, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.rates = rates;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Add a rate (platform only); a later validFrom for the same pair supersedes the earlier rate")
    public Uni<Response> create(@Valid @NotNull CreateExchangeRateRequest request, @Context HttpHeaders headers) {
        String scope = "POST /api/v1/exchange-rates " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(ExchangeRateResponse.of(created)))
                        .build()));
    }

    @GET
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "List rates, current and historical", description = "Filters and sorts on id, baseCurrency, "
            + "counterCurrency, rate, validFrom, active, createdAt (default sort: -validFrom). Codes are lower case.")
    public Uni<PageResponse<ExchangeRateResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(rates, Visibility.ALL, query, ExchangeRateResponse::of);
    }

    @GET
    @Path("/-dump")
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "Every rate, in id order, without paging or filters")
    public Multi<ExchangeRateResponse> dump() {
        return Listings.dump(rates, Visibility.ALL, "id", rate -> rate.id, ExchangeRateResponse::of);
    }

    @GET
    @Path("/convert")
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "Convert an amount with the rate that applies on a day (default: today, UTC)")
    public Uni<ApiResponse<ConversionResponse>> convert(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("amount") String amount, @QueryParam("on") String on) {
        BigDecimal value = ExchangeRateService.amountToConvert(amount);
        LocalDate day = dayOf(on);
        return service.rateOn(from, to, day).map(found -> {
            AppliedRate applied = found.orElseThrow(() -> new ApiException(404, "No active exchange rate converts "
                    + from.toLowerCase() + " to " + to.toLowerCase() + " on " + day));
            Money converted = applied.convert(new Money(value, applied.from()));
            return ApiResponse.ok(ConversionResponse.of(applied, value, converted.amount(), day));
        });
    }

    @GET
    @Path("/{id}")
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    public Uni<ApiResponse<ExchangeRateResponse>> get(@PathParam("id") String id) {
        return rates.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("exchange rate", id))
                .map(rate -> ApiResponse.ok(ExchangeRateResponse.of(rate)));
    }

    @POST
    @Path("/{id}/deactivate")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Take a rate out of use for good (platform only); it stays in the history")
    public Uni<ApiResponse<ExchangeRateResponse>> deactivate(@PathParam("id") String id) {
        return service.deactivate(id, caller).map(rate -> ApiResponse.ok(ExchangeRateResponse.of(rate)));
    }

    private LocalDate dayOf(String on) {
        if (on == null || on.isEmpty()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("on", "must be a date as YYYY-MM-DD");
        }
    }
}
