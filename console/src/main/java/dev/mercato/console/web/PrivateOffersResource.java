package dev.mercato.console.web;

import java.util.Set;
import java.util.function.Function;

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
import dev.mercato.console.catalog.CatalogApi;
import dev.mercato.console.catalog.NewPrivateOffer;
import dev.mercato.console.catalog.PrivateOffer;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Catalog › Private offers: a vendor's discount on a listing for one tenant. The vendor side (a vendor, the platform)
 * makes a draft and sends it; the customer side (the tenant and the channel above it, the platform) accepts or
 * declines a sent one. Which buttons show follows the organization's kind and the scope; the API decides.
 */
@Path(PrivateOffersResource.PATH)
public class PrivateOffersResource {

    static final String PATH = "/catalog/private-offers";
    /** The orders the list offers: the API's sort, then its label. */
    private static final String[] SORTS = {"-createdAt", "Newest first", "expiresAt", "Expiring first"};
    private static final Set<String> FORM_FIELDS = Set.of("listingId", "customerId", "pricing.discountPercentage",
            "pricing.duration", "title", "notes");
    private static final Set<String> VENDOR_SIDE = Set.of("VENDOR", "PLATFORM");
    private static final Set<String> CUSTOMER_SIDE = Set.of("TENANT", "PARTNER", "DISTRIBUTOR", "PLATFORM");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offers(Frame frame, PrivateOffersView page);
    }

    private final CatalogApi catalog;
    private final CurrentSession current;
    private final Flashes flashes;

    public PrivateOffersResource(CatalogApi catalog, CurrentSession current, Flashes flashes) {
        this.catalog = catalog;
        this.current = current;
        this.flashes = flashes;
    }

    @GET
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("listing") String listing,
            @QueryParam("customer") String customer, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SORTS).equal("status", status).equal("listing", listing)
                .equal("customer", customer);
        return page(session, filters, 200, FormValues.EMPTY, FormErrors.NONE, flashes.takeNotice(session));
    }

    /** Makes a draft; {@code action=send} sends it right away. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@FormParam("listingId") String listingId, @FormParam("customerId") String customerId,
            @FormParam("pricing.discountPercentage") String discount, @FormParam("pricing.duration") String duration,
            @FormParam("title") String title, @FormParam("notes") String notes, @FormParam("action") String action) {
        Session session = current.required();
        FormValues form = FormValues.of("listingId", listingId, "customerId", customerId, "pricing.discountPercentage",
                discount, "pricing.duration", duration, "title", title, "notes", notes);
        NewPrivateOffer wanted = new NewPrivateOffer(form.of("listingId"), form.of("customerId"),
                new NewPrivateOffer.Pricing(form.number("pricing.discountPercentage"), form.number("pricing.duration")),
                form.orNull("title"), form.orNull("notes"));
        return catalog.createOffer(session, wanted)
                .chain(draft -> "send".equals(action) ? catalog.sendOffer(session, draft.id()) : Uni.createFrom().item(draft))
                .map(offer -> done(session, "Offer " + offer.id() + " to " + offer.customerName() + " is "
                        + (offer.sent() ? "sent." : "saved as a draft; send it when it is ready.")))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> page(session, ListFilters.sortedBy(null, 1, SORTS), 400,
                        form, FormErrors.of((ApiRefusedException) failure, FORM_FIELDS), null));
    }

    @POST
    @Path("{id}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> send(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return answered(session, catalog.sendOffer(session, id), offer -> "is sent to " + offer.customerName()
                + "; it expires at " + offer.expiresAt() + ".");
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> accept(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return answered(session, catalog.acceptOffer(session, id), offer -> "on " + offer.listingName()
                + " is accepted; the order follows.");
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decline(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return answered(session, catalog.declineOffer(session, id), offer -> "on " + offer.listingName()
                + " is declined.");
    }

    /** Back to the list, which says what became of the offer: "Offer ofr_… " and {@code outcome}. */
    private Uni<Response> answered(Session session, Uni<PrivateOffer> transition, Function<PrivateOffer, String> outcome) {
        return transition.map(offer -> done(session, "Offer " + offer.id() + " " + outcome.apply(offer)));
    }

    private Response done(Session session, String notice) {
        flashes.notice(session, notice);
        return Html.seeOther(PATH);
    }

    private Uni<Response> page(Session session, ListFilters filters, int status, FormValues form, FormErrors errors,
            String notice) {
        boolean mayWrite = session.claims().may("write:private-offers");
        String kind = session.claims().organizationKind();
        return filters.fetch(query -> catalog.offers(session, query)).chain(found -> {
            PrivateOffersView view = new PrivateOffersView(found.items(), filters.pager(PATH, found), filters,
                    mayWrite && VENDOR_SIDE.contains(kind), mayWrite && CUSTOMER_SIDE.contains(kind), form, errors, notice);
            return Html.page(filters.status(status), Templates.offers(Frame.of("Private offers", session), view));
        });
    }
}
