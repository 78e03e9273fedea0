package dev.mercato.console.billing;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ListQuery;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.api.UpstreamHttp;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;

/** billing-service's public API as the console's pages use it, always as the signed-in user. */
@ApplicationScoped
public class BillingApi {

    private static final String INVOICES = "/api/v1/invoices";

    private final ApiClient api;

    public BillingApi(ApiClient api) {
        this.api = api;
    }

    /** A page of invoices, without their lines; {@code query} is the list's query string ({@code ?page=…&sort=…&…}). */
    public Uni<ApiPage<Invoice>> invoices(Session session, String query) {
        return api.getPage(session, Upstream.BILLING, INVOICES + query, Invoice.class);
    }

    /** One invoice with its lines. */
    public Uni<Invoice> invoice(Session session, String id) {
        return api.get(session, Upstream.BILLING, INVOICES + "/" + PathSegment.encode(id), Invoice.class);
    }

    /** One invoice as CSV, one row per line, as billing-service names and types the file. */
    public Uni<UpstreamHttp.Download> invoiceCsv(Session session, String id) {
        return api.download(session, Upstream.BILLING, INVOICES + "/" + PathSegment.encode(id) + ".csv", "text/csv");
    }

    public Uni<ApiPage<CreditNote>> creditNotes(Session session, String query) {
        return api.getPage(session, Upstream.BILLING, "/api/v1/credit-notes" + query, CreditNote.class);
    }

    public Uni<ApiPage<Commission>> commissions(Session session, String query) {
        return api.getPage(session, Upstream.BILLING, "/api/v1/commissions" + query, Commission.class);
    }

    /** The commissions of {@code period} (yyyy-MM) that {@code beneficiaryId} earned, per currency. */
    public Uni<CommissionSummary> commissionSummary(Session session, String period, String beneficiaryId) {
        return api.get(session, Upstream.BILLING, ListQuery.parameters().filter("period", period)
                .filter("beneficiaryId", beneficiaryId).on("/api/v1/commissions/summary"), CommissionSummary.class);
    }

    /**
     * MRR per month from {@code from} to {@code to} (yyyy-MM, as typed; blank for the API's default, the last 12
     * months), in the organization's currency.
     */
    public Uni<Revenue> revenue(Session session, String from, String to) {
        return api.get(session, Upstream.BILLING,
                ListQuery.parameters().filter("from", from).filter("to", to).on("/api/v1/analytics/revenue"), Revenue.class);
    }
}
