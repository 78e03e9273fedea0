package dev.mercato.billing.commission;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.billing.access.BillingAccess;
import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
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

/**
 * The commission ledger ({@code read:billing}): a beneficiary sees its own entries, a distributor also those
 * of the partners below it, the platform all; a tenant or vendor, which earns none, sees none.
 */
@Path("/api/v1/commissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commissions")
@PermissionsAllowed(Scopes.READ_BILLING)
public class CommissionResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("source", "source")
            .string("sourceId", "sourceId")
            .string("invoiceId", "invoiceId")
            .string("period", "period")
            .string("customerId", "customerId")
            .string("beneficiaryId", "beneficiaryId")
            .string("beneficiaryKind", "beneficiaryKind")
            .string("currency", "currency")
            .decimal("amount", "amount")
            .instant("bookedAt", "bookedAt")
            .defaultSort("-bookedAt")
            .tieBreaker("id")
            .build();

    private static final String SUMMARY = """
            select e.beneficiary_id, e.beneficiary_kind, c.name, e.currency,
                coalesce(sum(e.amount) filter (where e.source = 'INVOICE'), 0) as earned,
                coalesce(sum(e.amount) filter (where e.source = 'CREDIT_NOTE'), 0) as adjusted,
                sum(e.amount) as net, count(distinct e.invoice_id) as invoices
            from commission_entry e left join billing_customer c on c.id = e.beneficiary_id""";
    private static final String SUMMARY_GROUPS = """
             group by e.beneficiary_id, e.beneficiary_kind, c.name, e.currency
            order by e.beneficiary_id, e.currency""";

    private final CommissionEntryRepository entries;
    private final Pool pool;
    private final Caller caller;

    public CommissionResource(CommissionEntryRepository entries, Pool pool, Caller caller) {
        this.entries = entries;
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the commission ledger entries the caller may see. Filters and sort fields: id, source "
            + "(INVOICE, CREDIT_NOTE), sourceId, invoiceId, period, customerId, beneficiaryId, beneficiaryKind (PARTNER, "
            + "DISTRIBUTOR, PLATFORM), currency, amount, bookedAt")
    public Uni<PageResponse<CommissionEntryResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(entries, visibility(), query, CommissionEntryResponse::of);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every commission ledger entry the caller may see, in id order")
    public Multi<CommissionEntryResponse> dump() {
        return Listings.dump(entries, visibility(), "id", entry -> entry.id, CommissionEntryResponse::of);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The commissions of a billing period (yyyy-MM) per beneficiary the caller may see and currency: "
            + "earned on invoices, adjusted by credit and debit notes, net; beneficiaryId narrows to one")
    public Uni<ApiResponse<CommissionSummaryResponse>> summary(@QueryParam("period") String period,
            @QueryParam("beneficiaryId") String beneficiaryId) {
        YearMonth month = BillingPeriod.parseMonth(period);
        if (month == null) {
            throw ApiException.invalidField("period", "is required: a month as yyyy-MM, such as 2026-10");
        }
        BillingAccess.SqlCondition visible = BillingAccess.sqlOnPath(caller, "e.beneficiary_path", 2);
        List<Object> parameters = new ArrayList<>();
        parameters.add(month.toString());
        parameters.addAll(visible.parameters());
        String narrow = "";
        if (beneficiaryId != null) {
            parameters.add(beneficiaryId);
            narrow = " and e.beneficiary_id = $" + parameters.size();
        }
        return pool.preparedQuery(SUMMARY + " where e.period = $1 and " + visible.sql() + narrow + SUMMARY_GROUPS)
                .execute(Tuple.from(parameters))
                .map(rows -> {
                    List<CommissionSummaryResponse.Beneficiary> beneficiaries = new ArrayList<>();
                    for (Row row : rows) {
                        int scale = Currencies.minorUnits(row.getString("currency"));
                        beneficiaries.add(new CommissionSummaryResponse.Beneficiary(row.getString("beneficiary_id"),
                                row.getString("name"), row.getString("beneficiary_kind"), row.getString("currency"),
                                row.getBigDecimal("earned").setScale(scale), row.getBigDecimal("adjusted").setScale(scale),
                                row.getBigDecimal("net").setScale(scale), row.getLong("invoices")));
                    }
                    return ApiResponse.ok(new CommissionSummaryResponse(month.toString(), beneficiaries));
                });
    }

    private Visibility visibility() {
        return caller.visibility("beneficiaryPath");
    }
}
