package dev.mercato.catalog.article;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Articles: orderable SKUs with their price objects, order types, links and orderable window. Every
 * holder of {@code read:catalog} reads every article; the platform changes any, a vendor its own
 * ({@code write:catalog}); another owner's article answers 404 to a write.
 */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    static final String ORDERABLE_ON = "orderableOn";

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("sku", "sku")
            .string("ownerId", "ownerId")
            .string("productLineCode", "productLineCode")
            .string("productLineDesc", "productLineDesc")
            .string("shortDescription", "shortDescription")
            .enumeration("deployment", "deployment", Deployment.class)
            .enumeration("contractType", "contractType", ContractType.class)
            .integer("contractTerm", "contractTerm")
            .integer("packSize", "packSize")
            .string("materialType", "materialType")
            .string("materialGroup", "materialGroup")
            .string("productGroup", "productGroup")
            .enumeration("operatingSystem", "operatingSystem", OperatingSystem.class)
            .string("productStatus", "productStatus")
            .string("productType", "productType")
            .enumeration("productDivision", "productDivision", ProductDivision.class)
            .string("promoName", "promoName")
            .date("startDate", "startDate")
            .date("endDate", "endDate")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("sku")
            .tieBreaker("id")
            .build();

    /** Read in the dump, this many articles share the queries for their prices and links. */
    private static final int DUMP_BATCH = 100;

    private final ArticleService service;
    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ArticleResource(ArticleService service, ArticleRepository articles, ArticleMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.articles = articles;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Create an article (platform: any owner via vendorId; vendor: its own)")
    public Uni<Response> create(@Valid @NotNull CreateArticleRequest request, @Context HttpHeaders headers) {
        String scope = "POST /api/v1/articles " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(created)).build()));
    }

    @GET
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "List articles", description = "Filters and sorts on id, sku, ownerId, productLineCode, "
            + "productLineDesc, shortDescription, deployment, contractType, contractTerm, packSize, materialType, "
            + "materialGroup, productGroup, operatingSystem, productStatus, productType, productDivision, promoName, "
            + "startDate, endDate, createdAt, lastUpdated (default sort: sku). orderableOn=YYYY-MM-DD keeps the "
            + "articles that can be ordered that day.")
    public Uni<PageResponse<ArticleResponse>> list(@Context UriInfo uri) {
        Map<String, List<String>> parameters = uri.getQueryParameters();
        ListQuery query = ListQuery.parse(parameters, FIELDS,
                QueryContext.of(Clock.systemUTC()).withExtraParameters(ORDERABLE_ON));
        return Listings.page(articles, orderableOn(parameters.get(ORDERABLE_ON)), query, Function.identity())
                .chain(page -> mapper.toResponses(page.data())
                        .map(responses -> PageResponse.of(responses, page.pagination())));
    }

    @GET
    @Path("/-dump")
    @PermissionsAllowed(Scopes.READ_CATALOG)
    @Operation(summary = "Every article, in id order, without paging or filters")
    public Multi<ArticleResponse> dump() {
        return Listings.dump(articles, Visibility.ALL, "id", article -> article.id, Function.identity())
                .group().intoLists().of(DUMP_BATCH)
                .onItem().transformToUniAndConcatenate(batch -> Panache.withSession(() -> mapper.toResponses(batch)))
                .onItem().transformToIterable(Function.identity());
    }

    @GET
    @Path("/{sku}")
    @WithSession
    @PermissionsAllowed(Scopes.READ_CATALOG)
    public Uni<ApiResponse<ArticleResponse>> get(@PathParam("sku") String sku) {
        return articles.findBySku(sku)
                .onItem().ifNull().failWith(() -> ApiException.notFound("article", sku))
                .chain(mapper::toResponse)
                .map(ApiResponse::ok);
    }

    @PATCH
    @Path("/{sku}")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    @Operation(summary = "Change an article; optimistic: a stale version answers 409")
    public Uni<ApiResponse<ArticleResponse>> update(@PathParam("sku") String sku,
            @Valid @NotNull UpdateArticleRequest request) {
        return service.update(sku, request, caller).map(ApiResponse::ok);
    }

    /** Every article, or only those orderable on the day given as {@code orderableOn}. */
    private static Visibility orderableOn(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Visibility.ALL;
        }
        if (values.size() > 1) {
            throw ApiException.invalidField(ORDERABLE_ON, "must be given once");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(values.get(0));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(ORDERABLE_ON, "must be a date as YYYY-MM-DD");
        }
        return Visibility.of("(startDate is null or startDate <= :orderableOn)"
                + " and (endDate is null or endDate >= :orderableOn)", Map.of(ORDERABLE_ON, day));
    }
}
