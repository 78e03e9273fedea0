package dev.mercato.console.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.catalog.Article;
import dev.mercato.console.catalog.CatalogApi;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Catalog › Articles: the orderable SKUs, filtered as catalog's list is (also by the day they can be ordered on), and
 * one article with its prices and links.
 */
@Path("/catalog")
public class ArticlesResource {

    static final String PATH = "/catalog/articles";
    /** The orders the list offers: the API's sort, then its label. */
    private static final String[] SORTS = {"sku", "SKU", "-lastUpdated", "Recently changed", "endDate",
        "Orderable until, soonest first"};

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance articles(Frame frame, ArticlesView page);

        static native TemplateInstance article(Frame frame, Article article);
    }

    private final CatalogApi catalog;
    private final CurrentSession current;

    public ArticlesResource(CatalogApi catalog, CurrentSession current) {
        this.catalog = catalog;
        this.current = current;
    }

    /** The first part of the catalog the user may read. */
    @GET
    public Response start() {
        Session session = current.required();
        return Html.seeOther(session.claims().may("read:catalog") ? PATH
                : session.claims().may("read:private-offers") ? PrivateOffersResource.PATH : "/");
    }

    @GET
    @Path("articles")
    public Uni<Response> list(@QueryParam("sku") String sku, @QueryParam("shortDescription") String description,
            @QueryParam("orderableOn") String orderableOn, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SORTS).contains("sku", sku).contains("shortDescription", description)
                .equal("orderableOn", orderableOn);
        return filters.fetch(query -> catalog.articles(session, query))
                .chain(found -> Html.page(filters.status(200), Templates.articles(Frame.of("Articles", session),
                        new ArticlesView(found.items(), filters.pager(PATH, found), filters))));
    }

    @GET
    @Path("articles/{sku}")
    public Uni<Response> detail(@PathParam("sku") String sku) {
        Session session = current.required();
        return catalog.article(session, sku)
                .chain(article -> Html.page(200, Templates.article(Frame.of(article.sku(), session), article)));
    }
}
