package dev.mercato.console.web;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.api.PathSegment;
import dev.mercato.console.catalog.CatalogApi;
import dev.mercato.console.catalog.Plan;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Catalog › Plans: what vendors sell on their listings and at what price — list, one plan with its versions and
 * prices, and publishing its draft version (the owning vendor or the platform).
 */
@Path(PlansResource.PATH)
public class PlansResource {

    static final String PATH = "/catalog/plans";
    /** The orders the list offers: the API's sort, then its label. */
    private static final String[] SORTS = {"-createdAt", "Newest first", "name", "Name A–Z"};

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plans(Frame frame, PlansView page);

        static native TemplateInstance plan(Frame frame, PlanView page);
    }

    private final CatalogApi catalog;
    private final CurrentSession current;
    private final Flashes flashes;

    public PlansResource(CatalogApi catalog, CurrentSession current, Flashes flashes) {
        this.catalog = catalog;
        this.current = current;
        this.flashes = flashes;
    }

    @GET
    public Uni<Response> list(@QueryParam("name") String name, @QueryParam("listingId") String listingId,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SORTS).contains("name", name).equal("listingId", listingId);
        return filters.fetch(query -> catalog.plans(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.plans(Frame.of("Plans", session),
                        new PlansView(found.items(), filters.pager(PATH, found), filters))));
    }

    @GET
    @Path("{id}")
    public Uni<Response> detail(@PathParam("id") String id) {
        Session session = current.required();
        return catalog.plan(session, id).chain(plan -> {
            List<Plan.Version> newestFirst = plan.versions().stream()
                    .sorted((a, b) -> Integer.compare(b.version(), a.version())).toList();
            PlanView view = new PlanView(plan, newestFirst, session.claims().may("write:catalog") && plan.hasDraft(),
                    flashes.takeNotice(session));
            return Html.page(200, Templates.plan(Frame.of(plan.name(), session), view));
        });
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> publish(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return catalog.publishPlan(session, id).map(published -> {
            flashes.notice(session, "Version " + published.publishedVersion() + " of “" + published.name()
                    + "” is published: new subscriptions buy it, and it never changes again.");
            return Html.seeOther(PATH + "/" + PathSegment.encode(published.id()));
        });
    }
}
