package dev.mercato.billing.creditnote;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.billing.access.BillingAccess;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.pricing.Currencies;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Credit and debit notes ({@code read:billing}), visible as their invoices are. */
@Path("/api/v1/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credit notes")
@PermissionsAllowed(Scopes.READ_BILLING)
public class CreditNoteResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("invoiceId", "invoiceId")
            .string("customerId", "customerId")
            .string("kind", "kind")
            .string("reason", "reason")
            .string("currency", "currency")
            .decimal("total", "total")
            .instant("createdAt", "createdAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final CreditNoteRepository notes;
    private final Pool pool;
    private final Caller caller;

    public CreditNoteResource(CreditNoteRepository notes, Pool pool, Caller caller) {
        this.notes = notes;
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the credit and debit notes the caller may see. Filters and sort fields: id, invoiceId, "
            + "customerId, kind (CREDIT, DEBIT), reason (VOID, USAGE_CORRECTION), currency, total, createdAt")
    public Uni<PageResponse<CreditNoteResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(notes, BillingAccess.of(caller), query, CreditNoteResponse::of);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every credit and debit note the caller may see, in id order")
    public Multi<CreditNoteResponse> dump() {
        return Listings.dump(notes, BillingAccess.of(caller), "id", note -> note.id, CreditNoteResponse::of);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One credit or debit note with its lines")
    public Uni<ApiResponse<CreditNoteResponse>> get(@PathParam("id") String id) {
        return Listings.findVisible(notes, "id = :id", Map.of("id", id), BillingAccess.of(caller))
                .onItem().ifNull().failWith(() -> ApiException.notFound("credit note", id))
                .chain(note -> pool.preparedQuery("select * from credit_note_line where credit_note_id = $1 order by line_no")
                        .execute(Tuple.of(id))
                        .map(rows -> {
                            int scale = Currencies.minorUnits(note.currency);
                            List<CreditNoteResponse.Line> lines = new ArrayList<>();
                            for (Row row : rows) {
                                BigDecimal quantity = row.getBigDecimal("quantity").stripTrailingZeros();
                                lines.add(new CreditNoteResponse.Line(row.getInteger("line_no"),
                                        row.getInteger("invoice_line_no"), row.getString("description"),
                                        row.getString("dimension"), quantity.scale() < 0 ? quantity.setScale(0) : quantity,
                                        row.getBigDecimal("amount").setScale(scale)));
                            }
                            return ApiResponse.ok(CreditNoteResponse.of(note).withLines(lines));
                        }));
    }
}
