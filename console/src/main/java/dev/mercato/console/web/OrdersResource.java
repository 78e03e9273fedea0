package dev.mercato.console.web;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
    private static final List<String> TRANSACTION_STATUSES = List.of("PENDING", "PROCESSING", "PROCESSED", "REJECTED",
            "STUCK");
    private static final List<String> CONTRACT_TYPES = List.of("SUBSCRIPTION", "FLEX", "MAINTENANCE", "NA");
    private static final List<String> SUBSCRIPTION_STATUSES = List.of("ACTIVE", "INACTIVE", "EXPIRED");
    private static final List<String> SALES_STATUSES = List.of("NOT_CONTACTED", "RENEWED_WITH_DIST",
            "RENEWED_WITH_RESELLER", "RENEW_BUYING_AS_IS", "RENEW_PARTIAL_RENEWAL", "CHANGE_BOUGHT_NEW_SEAT",
            "CHANGE_M2S_SWITCH", "DELAYED_SALES_PROCESS", "DELAYED_STILL_INTRESTED", "LOST_PARTIAL_RENEWAL",
            "LOST_COMPETITIVE_SOFTWARE", "LOST_DOWNSIZING", "LOST_EU_DOESNT_EXIST", "LOST_NO_BUDGET",
            "LOST_NO_FURTHER_NEED", "LOST_NO_VALUE", "LOST_TO_ADSK_RESELLER", "LOST_TO_AUTODESK",
            "LOST_OTHER_REASON", "CONTACTED_QUOTED", "CONTACTED_QUOTED_PREPARED", "PARTIAL_SWITCH");

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
    public Uni<Response> transactions(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("status") String status) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("status", status, TRANSACTION_STATUSES);
        return orders.transactions(session, filter.query(page, PAGE_SIZE).sort("-creationDate"))
                .chain(found -> Html.page(200, Templates.transactions(Frame.of("Orders", session),
                        new OrdersView.Transactions(found.items(), filter.pager(found, PATH), filter.choices(),
                                session.claims().may("write:orders"), OrderForm.TYPES))));
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
    public Uni<Response> contracts(@QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("contractType") String contractType) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("contractType", contractType, CONTRACT_TYPES);
        return orders.contracts(session, filter.query(page, PAGE_SIZE))
                .chain(found -> Html.page(200, Templates.contracts(Frame.of("Contracts", session),
                        new OrdersView.Contracts(found.items(), filter.pager(found, PATH + "/contracts"), filter.choices()))));
    }

    @GET
    @Path("subscriptions")
    public Uni<Response> subscriptions(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("status") String status) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("status", status, SUBSCRIPTION_STATUSES);
        return orders.subscriptions(session, filter.query(page, PAGE_SIZE))
                .chain(found -> Html.page(200, Templates.subscriptions(Frame.of("Subscriptions", session),
                        new OrdersView.Subscriptions(found.items(), filter.pager(found, PATH + "/subscriptions"),
                                filter.choices()))));
    }

    @GET
    @Path("opportunities")
    public Uni<Response> opportunities(@QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("salesStatus") String salesStatus) {
        Session session = current.required();
        ListFilter filter = ListFilter.of("salesStatus", salesStatus, SALES_STATUSES);
        return orders.opportunities(session, filter.query(page, PAGE_SIZE))
                .chain(found -> Html.page(200, Templates.opportunities(Frame.of("Renewal opportunities", session),
                        new OrdersView.Opportunities(found.items(), filter.pager(found, PATH + "/opportunities"),
                                filter.choices()))));
    }

    private Uni<Response> refused(Session session, OrderForm form, Throwable failure) {
        return formPage(session, 400, form, FormErrors.of((ApiRefusedException) failure, form.fieldNames()), null);
    }

    private Uni<Response> formPage(Session session, int status, OrderForm form, FormErrors errors, DryRun preview) {
        OrdersView.Form view = new OrdersView.Form(form.type(), form.key(), ListFilter.of("type", form.type(), OrderForm.TYPES).choices(),
                form.fields(errors), form.items(errors), form.itemsNameSubscriptions(), errors.of("items"), errors,
                preview);
        return Html.page(status, Templates.orderForm(Frame.of("Place an order", session), view));
    }
}
