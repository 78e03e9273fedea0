package dev.mercato.console.web;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.billing.BillingApi;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Billing: invoices with their lines and their CSV (billing-service's own file, passed through with its type and
 * name), credit and debit notes, the commission ledger, and revenue (an MRR chart drawn on the server).
 */
@Path(BillingResource.PATH)
public class BillingResource {

    static final String PATH = "/billing";
    private static final int PAGE_SIZE = 25;
    private static final List<String> INVOICE_STATUSES = List.of("DRAFT", "FINALIZED", "PAID", "VOID");
    private static final List<String> NOTE_KINDS = List.of("CREDIT", "DEBIT");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invoices(Frame frame, BillingView.Invoices page);

        static native TemplateInstance invoice(Frame frame, dev.mercato.console.billing.Invoice invoice);

        static native TemplateInstance creditNotes(Frame frame, BillingView.CreditNotes page);

        static native TemplateInstance commissions(Frame frame, BillingView.Commissions page);

        static native TemplateInstance revenue(Frame frame, BillingView.RevenuePage page);
    }

    private final BillingApi billing;
    private final CurrentSession current;

    public BillingResource(BillingApi billing, CurrentSession current) {
        this.billing = billing;
        this.current = current;
    }

    @GET
    public Uni<Response> invoices(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("status") String status) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("status", status, INVOICE_STATUSES);
        return billing.invoices(session, filter.query(page, PAGE_SIZE).sort("-createdAt"))
                .chain(found -> Html.page(200, Templates.invoices(Frame.of("Invoices", session),
                        new BillingView.Invoices(found.items(), filter.pager(found, PATH), filter.choices(),
                                mayReadRevenue(session)))));
    }

    @GET
    @Path("invoices/{id}")
    public Uni<Response> invoice(@PathParam("id") String id) {
        Session session = current.required();
        return billing.invoice(session, id)
                .chain(invoice -> Html.page(200, Templates.invoice(Frame.of("Invoice " + id, session), invoice)));
    }

    /** The invoice's CSV as billing-service answers it: the same bytes, type and file name. */
    @GET
    @Path("invoices/{id}/csv")
    public Uni<Response> invoiceCsv(@PathParam("id") String id) {
        Session session = current.required();
        return billing.invoiceCsv(session, id).map(csv -> {
            Response.ResponseBuilder answer = Response.ok(csv.bytes())
                    .type(csv.contentType() == null ? "text/csv" : csv.contentType());
            if (csv.contentDisposition() != null) {
                answer.header("Content-Disposition", csv.contentDisposition());
            }
            return answer.build();
        });
    }

    @GET
    @Path("credit-notes")
    public Uni<Response> creditNotes(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("kind") String kind) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("kind", kind, NOTE_KINDS);
        return billing.creditNotes(session, filter.query(page, PAGE_SIZE).sort("-createdAt"))
                .chain(found -> Html.page(200, Templates.creditNotes(Frame.of("Credit notes", session),
                        new BillingView.CreditNotes(found.items(), filter.pager(found, PATH + "/credit-notes"),
                                filter.choices(), mayReadRevenue(session)))));
    }

    /** The commission ledger, of one billing period (yyyy-MM, as typed) or all. */
    @GET
    @Path("commissions")
    public Uni<Response> commissions(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("period") String period) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("period", period, List.of());
        return billing.commissions(session, filter.query(page, PAGE_SIZE).sort("-bookedAt"))
                .chain(found -> Html.page(200, Templates.commissions(Frame.of("Commissions", session),
                        new BillingView.Commissions(found.items(), filter.pager(found, PATH + "/commissions"),
                                filter.value(), mayReadRevenue(session)))));
    }

    @GET
    @Path("revenue")
    public Uni<Response> revenue(@QueryParam("from") String from, @QueryParam("to") String to) {
        Session session = current.required();
        return billing.revenue(session, from, to).chain(revenue -> {
            List<BarChart.Point> points = revenue.months().stream()
                    .map(month -> new BarChart.Point(month.month(), month.totals().mrr())).toList();
            BarChart mrr = BarChart.of("mrr-chart", "MRR at each month's end", revenue.currency(), points);
            return Html.page(200, Templates.revenue(Frame.of("Revenue", session),
                    new BillingView.RevenuePage(revenue, mrr, mayReadRevenue(session))));
        });
    }

    private static boolean mayReadRevenue(Session session) {
        return session.claims().may("read:analytics");
    }
}
