package dev.mercato.console.web;

import java.util.List;

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
    /** The orders each list offers: the API's sort, then its label; the first is the default. */
    private static final String[] INVOICE_SORTS = {"-createdAt", "Newest first", "createdAt", "Oldest first", "-number",
        "Number, highest first", "-total", "Largest total first"};
    private static final String[] NOTE_SORTS = {"-createdAt", "Newest first", "createdAt", "Oldest first"};
    private static final String[] COMMISSION_SORTS = {"-bookedAt", "Newest first", "bookedAt", "Oldest first", "-amount",
        "Largest first"};

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
    public Uni<Response> invoices(@QueryParam("status") String status, @QueryParam("period") String period,
            @QueryParam("customerId") String customerId, @QueryParam("number") String number,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, INVOICE_SORTS).perPage(PAGE_SIZE).equal("status", status)
                .equal("period", period).equal("customerId", customerId).equal("number", number);
        return filters.fetch(query -> billing.invoices(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.invoices(Frame.of("Invoices", session),
                        new BillingView.Invoices(found.items(), filters.pager(PATH, found), filters,
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
    public Uni<Response> creditNotes(@QueryParam("kind") String kind, @QueryParam("reason") String reason,
            @QueryParam("invoiceId") String invoiceId, @QueryParam("customerId") String customerId,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, NOTE_SORTS).perPage(PAGE_SIZE).equal("kind", kind)
                .equal("reason", reason).equal("invoiceId", invoiceId).equal("customerId", customerId);
        return filters.fetch(query -> billing.creditNotes(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.creditNotes(Frame.of("Credit notes", session),
                        new BillingView.CreditNotes(found.items(), filters.pager(PATH + "/credit-notes", found), filters,
                                mayReadRevenue(session)))));
    }

    /** The commission ledger: of one billing period (yyyy-MM, as typed) or all, by source and customer. */
    @GET
    @Path("commissions")
    public Uni<Response> commissions(@QueryParam("period") String period, @QueryParam("source") String source,
            @QueryParam("customerId") String customerId, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, COMMISSION_SORTS).perPage(PAGE_SIZE).equal("period", period)
                .equal("source", source).equal("customerId", customerId);
        return filters.fetch(query -> billing.commissions(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.commissions(Frame.of("Commissions", session),
                        new BillingView.Commissions(found.items(), filters.pager(PATH + "/commissions", found), filters,
                                mayReadRevenue(session)))));
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
