package dev.mercato.billing.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

import dev.mercato.billing.access.BillingAccess;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Invoices ({@code read:billing}; moves need {@code write:billing}): a tenant sees its own, a partner or
 * distributor those of its subtree, the platform all; any other invoice answers 404.
 */
@Path("/api/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
@PermissionsAllowed(Scopes.READ_BILLING)
public class InvoiceResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("issuerId", "issuerId")
            .string("customerId", "customerId")
            .string("period", "period")
            .string("status", "status")
            .string("currency", "currency")
            .integer("number", "number")
            .decimal("total", "total")
            .date("periodStart", "periodStart")
            .instant("createdAt", "createdAt")
            .instant("finalizedAt", "finalizedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    /** The longest window one export covers. */
    static final int MAX_EXPORT_DAYS = 366;

    private final InvoiceRepository invoices;
    private final InvoiceReader reader;
    private final InvoiceLifecycle lifecycle;
    private final IdempotentRequests idempotency;
    private final Pool pool;
    private final Caller caller;

    public InvoiceResource(InvoiceRepository invoices, InvoiceReader reader, InvoiceLifecycle lifecycle,
            IdempotentRequests idempotency, Pool pool, Caller caller) {
        this.invoices = invoices;
        this.reader = reader;
        this.lifecycle = lifecycle;
        this.idempotency = idempotency;
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the invoices the caller may see (without lines). Filters and sort fields: id, issuerId, "
            + "customerId, period, status, currency, number, total, periodStart, createdAt, finalizedAt")
    public Uni<PageResponse<InvoiceResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(invoices, BillingAccess.of(caller), query, InvoiceResponse::of);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every invoice the caller may see (without lines), in id order")
    public Multi<InvoiceResponse> dump() {
        return Listings.dump(invoices, BillingAccess.of(caller), "id", invoice -> invoice.id, InvoiceResponse::of);
    }

    @GET
    @Path("/-export")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON }) // errors are JSON; the answer itself is CSV
    @Operation(summary = "Numbered invoices finalized from `from` to `to` (dates, both included, at most 366 days) as "
            + "CSV for an ERP: one row per line, stable columns (module README)")
    public Uni<Response> export(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_EXPORT_DAYS) {
            throw ApiException.invalidField("to", "an export covers at most " + MAX_EXPORT_DAYS + " days");
        }
        BillingAccess.SqlCondition visible = BillingAccess.sql(caller, "i", 3);
        Tuple parameters = Tuple.of(first.atStartOfDay().atOffset(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        visible.parameters().forEach(parameters::addValue);
        return pool.preparedQuery("select i.id from invoice i where i.finalized_at >= $1 and i.finalized_at < $2 and "
                + visible.sql() + " order by i.issuer_id, i.number").execute(parameters)
                .chain(rows -> {
                    List<String> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getString("id"));
                    }
                    return reader.withLines(pool, ids);
                })
                .map(found -> csv(InvoiceCsv.of(found.stream().map(invoice -> invoice.seenBy(caller.organizationId())).toList()),
                        "invoices-" + first + "-" + last + ".csv"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One invoice with its lines")
    public Uni<ApiResponse<InvoiceResponse>> get(@PathParam("id") String id) {
        return visible(id).map(ApiResponse::ok);
    }

    @GET
    @Path("/{id}.csv")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON }) // errors are JSON; the answer itself is CSV
    @Operation(summary = "One invoice as CSV, one row per line (the export's columns)")
    public Uni<Response> getCsv(@PathParam("id") String id) {
        return visible(id).map(invoice -> csv(InvoiceCsv.of(List.of(invoice)), id + ".csv"));
    }

    @POST
    @Path("/{id}/finalize")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_BILLING)
    @Operation(summary = "Finalize a DRAFT invoice: it gets the issuer's next invoice number and never changes again")
    public Uni<Response> finalizeInvoice(@PathParam("id") String id, @Context HttpHeaders headers) {
        return move(id, "finalize", headers, () -> lifecycle.finalizeInvoice(id, caller));
    }

    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_BILLING)
    @Operation(summary = "Record the payment of a FINALIZED invoice")
    public Uni<Response> pay(@PathParam("id") String id, @Context HttpHeaders headers) {
        return move(id, "pay", headers, () -> lifecycle.pay(id, caller));
    }

    @POST
    @Path("/{id}/void")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_BILLING)
    @Operation(summary = "Void a FINALIZED invoice: a credit note for all of it is issued")
    public Uni<Response> voidInvoice(@PathParam("id") String id, @Context HttpHeaders headers) {
        return move(id, "void", headers, () -> lifecycle.voidInvoice(id, caller));
    }

    /** A move by a writer, once per Idempotency-Key. */
    private Uni<Response> move(String id, String action, HttpHeaders headers,
            java.util.function.Supplier<Uni<InvoiceResponse>> moved) {
        caller.requireWriter();
        return idempotency.once(headers, "POST /api/v1/invoices/" + id + "/" + action + " " + caller.clientId(), id,
                () -> moved.get().map(InvoiceResource::ok));
    }

    private Uni<InvoiceResponse> visible(String id) {
        BillingAccess.SqlCondition visible = BillingAccess.sql(caller, "i", 2);
        Tuple parameters = Tuple.of(id);
        visible.parameters().forEach(parameters::addValue);
        return pool.preparedQuery("select i.id from invoice i where i.id = $1 and " + visible.sql()).execute(parameters)
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().failure(ApiException.notFound("invoice", id))
                        : reader.withLines(pool, List.of(id)).map(found -> found.getFirst().seenBy(caller.organizationId())));
    }

    private static Response ok(InvoiceResponse invoice) {
        return Response.ok(ApiResponse.ok(invoice)).build();
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required: a date as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date as yyyy-MM-dd");
        }
    }
}
