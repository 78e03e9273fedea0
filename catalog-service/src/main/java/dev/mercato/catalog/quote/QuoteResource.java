package dev.mercato.catalog.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Prices a cart. Every role that reads the catalogue may ask; nothing is stored. */
@Path("/api/v1/pricing/quote")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pricing")
@PermissionsAllowed(Scopes.READ_CATALOG)
public class QuoteResource {

    private final QuoteService quotes;

    public QuoteResource(QuoteService quotes) {
        this.quotes = quotes;
    }

    @POST
    public Uni<ApiResponse<QuoteResponse>> quote(@Valid @NotNull QuoteRequest request) {
        return quotes.quote(request).map(ApiResponse::ok);
    }
}
