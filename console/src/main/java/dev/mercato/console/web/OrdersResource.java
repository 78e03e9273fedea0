package dev.mercato.console.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.order.DryRun;
import dev.mercato.console.order.OrderApi;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Orders: the transactions placed, the order form of every type (previewed with the API's dry run, then placed), a
 * transaction whose status the page keeps checking until it is processed or rejected, and the contracts,
 * subscriptions and renewal opportunities orders leave.
 */
@Path(OrdersResource.PATH)
public class OrdersResource {

    static final String PATH = "/orders";
    private static final int PAGE_SIZE = 25;
    /** The orders each list offers: the API's sort, then its label; the first is the default. */
    private static final String[] TRANSACTION_SORTS = {"-creationDate", "Newest first", "creationDate", "Oldest first",
        "-updatedAt", "Recently updated", "purchaseOrderNumber", "Purchase order"};
    private static final String[] CONTRACT_SORTS = {"-createdAt", "Newest first", "contractEndDate", "Ending first",
        "-contractEndDate", "Ending last", "contractNumber", "Contract number"};
    private static final String[] SUBSCRIPTION_SORTS = {"-createdAt", "Newest first", "endDate", "Ending first",
        "serialNumber", "Serial number"};
    private static final String[] OPPORTUNITY_SORTS = {"subscriptionEndDate", "Ending first", "-subscriptionEndDate",
        "Ending last", "-createdAt", "Newest first", "opportunityNumber", "Opportunity number"};

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transactions(Frame frame, OrdersView.Transactions page);

        static native TemplateInstance orderForm(Frame frame, OrdersView.Form page);

        static native TemplateInstance transaction(Frame frame, OrdersView.TransactionPage page);

        static native TemplateInstance contracts(Frame frame, OrdersView.Contracts page);

        static native TemplateInstance subscriptions(Frame frame, OrdersView.Subscriptions page);

        static native TemplateInstance opportunities(Frame frame, OrdersView.Opportunities page);
    }

    private final OrderApi orders;
    private final CurrentSession current;

    public OrdersResource(OrderApi orders, CurrentSession current) {
        this.orders = orders;
        this.current = current;
    }

    @GET
    public Uni<Response> transactions(@QueryParam("status") String status, @QueryParam("orderType") String orderType,
            @QueryParam("customerCsn") String customerCsn, @QueryParam("contractNumber") String contractNumber,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, TRANSACTION_SORTS).perPage(PAGE_SIZE).equal("status", status)
                .equal("orderType", orderType).equal("customerCsn", customerCsn).equal("contractNumber", contractNumber);
        return filters.fetch(query -> orders.transactions(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.transactions(Frame.of("Orders", session),
                        new OrdersView.Transactions(found.items(), filters.pager(PATH, found), filters,
                                session.claims().may("write:orders")))));
    }

    @GET
    @Path("new")
    public Uni<Response> form(@QueryParam("type") String type) {
        Session session = current.required();
        return formPage(session, 200, OrderForm.empty(type), FormErrors.NONE, null);
    }

    /** {@code action=preview} asks the API for a dry run and shows it with the form; anything else places the order. */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> place(@BeanParam OrderInput input) {
        Session session = current.required();
        OrderForm form = OrderForm.of(input);
        if ("preview".equals(input.action)) {
            return orders.dryRun(session, form.type(), form.payload())
                    .chain(preview -> formPage(session, 200, form, FormErrors.NONE, preview))
                    .onFailure(FormErrors::refusedInput).recoverWithUni(failure -> refused(session, form, failure));
        }
        return orders.place(session, form.type(), form.payload(), form.key())
                .map(placed -> Html.seeOther(PATH + "/transactions/" + PathSegment.encode(placed.id())))
                .onFailure(FormErrors::refusedInput).recoverWithUni(failure -> refused(session, form, failure));
    }

    @GET
    @Path("transactions/{id}")
    public Uni<Response> transaction(@PathParam("id") String id) {
        Session session = current.required();
        return orders.transaction(session, id).chain(found -> Html.page(200, Templates.transaction(
                Frame.of("Order " + id, session), new OrdersView.TransactionPage(found, session.claims().may("write:orders")))));
    }

    @POST
    @Path("transactions/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> retry(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return orders.retry(session, id).map(retried -> Html.seeOther(PATH + "/transactions/" + PathSegment.encode(id)));
    }

    @GET
    @Path("contracts")
    public Uni<Response> contracts(@QueryParam("contractType") String contractType,
            @QueryParam("contractNumber") String contractNumber, @QueryParam("customerName") String customerName,
            @QueryParam("contractEndDate") String endsBy, @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, CONTRACT_SORTS).perPage(PAGE_SIZE)
                .equal("contractType", contractType).equal("contractNumber", contractNumber)
                .contains("customerName", customerName).until("contractEndDate", endsBy);
        return filters.fetch(query -> orders.contracts(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.contracts(Frame.of("Contracts", session),
                        new OrdersView.Contracts(found.items(), filters.pager(PATH + "/contracts", found), filters))));
    }

    @GET
    @Path("subscriptions")
    public Uni<Response> subscriptions(@QueryParam("status") String status,
            @QueryParam("contractNumber") String contractNumber, @QueryParam("customerName") String customerName,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SUBSCRIPTION_SORTS).perPage(PAGE_SIZE).equal("status", status)
                .equal("contractNumber", contractNumber).contains("customerName", customerName);
        return filters.fetch(query -> orders.subscriptions(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.subscriptions(Frame.of("Subscriptions", session),
                        new OrdersView.Subscriptions(found.items(), filters.pager(PATH + "/subscriptions", found), filters))));
    }

    @GET
    @Path("opportunities")
    public Uni<Response> opportunities(@QueryParam("salesStatus") String salesStatus,
            @QueryParam("contractNumber") String contractNumber, @QueryParam("customerName") String customerName,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, OPPORTUNITY_SORTS).perPage(PAGE_SIZE)
                .equal("salesStatus", salesStatus).equal("contractNumber", contractNumber)
                .contains("customerName", customerName);
        return filters.fetch(query -> orders.opportunities(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.opportunities(Frame.of("Renewal opportunities",
                        session), new OrdersView.Opportunities(found.items(), filters.pager(PATH + "/opportunities", found),
                                filters))));
    }

    private Uni<Response> refused(Session session, OrderForm form, Throwable failure) {
        return formPage(session, 400, form, FormErrors.of((ApiRefusedException) failure, form.fieldNames()), null);
    }

    private Uni<Response> formPage(Session session, int status, OrderForm form, FormErrors errors, DryRun preview) {
        OrdersView.Form view = new OrdersView.Form(form.type(), form.key(), Choice.among(form.type(), OrderForm.TYPES),
                form.fields(errors), form.items(errors), form.itemsNameSubscriptions(), errors.of("items"), errors,
                preview);
        return Html.page(status, Templates.orderForm(Frame.of("Place an order", session), view));
    }
}
