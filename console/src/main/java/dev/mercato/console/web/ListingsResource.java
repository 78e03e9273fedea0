package dev.mercato.console.web;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.catalog.CatalogApi;
import dev.mercato.console.catalog.DimensionChange;
import dev.mercato.console.catalog.Listing;
import dev.mercato.console.catalog.ListingChange;
import dev.mercato.console.catalog.NewDimension;
import dev.mercato.console.catalog.NewListing;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Catalog › Listings: a vendor's products on the marketplaces and the dimensions their usage is metered in — list,
 * create and edit (the owning vendor or the platform), add a dimension, retire one.
 */
@Path(ListingsResource.PATH)
public class ListingsResource {

    static final String PATH = "/catalog/listings";
    /** The orders the list offers: the API's sort, then its label. */
    private static final String[] SORTS = {"-createdAt", "Newest first", "name", "Name A–Z"};
    private static final Set<String> CREATE_FIELDS = Set.of("vendor", "vendorId", "name", "description", "productCode",
            "currency");
    private static final Set<String> EDIT_FIELDS = Set.of("name", "description", "productCode");
    private static final Set<String> DIMENSION_FIELDS = Set.of("key", "title", "unit", "pricePerUnit", "decimals",
            "description", "aggregation", "uniqueProperty", "tokenRate");
    private static final Set<String> DIMENSION_EDIT_FIELDS = Set.of("title", "pricePerUnit", "description", "tokenRate");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance listings(Frame frame, ListingsView page);

        static native TemplateInstance listing(Frame frame, ListingView page);

        static native TemplateInstance dimension(Frame frame, DimensionView page);
    }

    private final CatalogApi catalog;
    private final CurrentSession current;
    private final Flashes flashes;

    public ListingsResource(CatalogApi catalog, CurrentSession current, Flashes flashes) {
        this.catalog = catalog;
        this.current = current;
        this.flashes = flashes;
    }

    @GET
    public Uni<Response> list(@QueryParam("name") String name, @QueryParam("status") String status,
            @QueryParam("vendor") String vendor, @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SORTS).contains("name", name).equal("status", status)
                .equal("vendor", vendor);
        return listPage(session, filters, 200, FormValues.EMPTY, FormErrors.NONE, flashes.takeNotice(session));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@FormParam("vendor") String vendor, @FormParam("vendorId") String vendorId,
            @FormParam("name") String name, @FormParam("description") String description,
            @FormParam("productCode") String productCode, @FormParam("currency") String currency) {
        Session session = current.required();
        FormValues form = FormValues.of("vendor", vendor, "vendorId", vendorId, "name", name, "description", description,
                "productCode", productCode, "currency", currency);
        NewListing wanted = new NewListing(form.of("vendor"), form.orNull("vendorId"), form.of("name"),
                form.orNull("description"), form.orNull("productCode"), form.of("currency"));
        return catalog.createListing(session, wanted)
                .map(created -> saved(session, created, "Listing “" + created.name() + "” is created; add its dimensions below."))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> listPage(session, ListFilters.sortedBy(null, 1, SORTS), 400,
                        form, FormErrors.of((ApiRefusedException) failure, CREATE_FIELDS), null));
    }

    @GET
    @Path("{id}")
    public Uni<Response> detail(@PathParam("id") String id) {
        Session session = current.required();
        return catalog.listing(session, id).chain(listing -> detailPage(session, listing, 200, typedOf(listing),
                FormErrors.NONE, FormValues.EMPTY, FormErrors.NONE, flashes.takeNotice(session)));
    }

    /** Sends the fields as typed; a field left blank keeps its value. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> edit(@PathParam("id") String id, @FormParam("name") String name,
            @FormParam("description") String description, @FormParam("productCode") String productCode) {
        Session session = current.required();
        FormValues form = FormValues.of("name", name, "description", description, "productCode", productCode);
        ListingChange change = new ListingChange(form.orNull("name"), form.orNull("description"),
                form.orNull("productCode"));
        return catalog.changeListing(session, id, change)
                .map(changed -> saved(session, changed, "Listing “" + changed.name() + "” is saved."))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> catalog.listing(session, id)
                        .chain(listing -> detailPage(session, listing, 400, form,
                                FormErrors.of((ApiRefusedException) failure, EDIT_FIELDS), FormValues.EMPTY,
                                FormErrors.NONE, null)));
    }

    @POST
    @Path("{id}/dimensions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addDimension(@PathParam("id") String id, @FormParam("key") String key,
            @FormParam("title") String title, @FormParam("unit") String unit,
            @FormParam("pricePerUnit") String pricePerUnit, @FormParam("decimals") String decimals,
            @FormParam("description") String description, @FormParam("aggregation") String aggregation,
            @FormParam("uniqueProperty") String uniqueProperty, @FormParam("tokenRate") String tokenRate) {
        Session session = current.required();
        FormValues form = FormValues.of("key", key, "title", title, "unit", unit, "pricePerUnit", pricePerUnit,
                "decimals", decimals, "description", description, "aggregation", aggregation, "uniqueProperty",
                uniqueProperty, "tokenRate", tokenRate);
        NewDimension wanted = new NewDimension(form.of("key"), form.of("title"), form.of("unit"),
                form.number("pricePerUnit"), form.number("decimals"), form.orNull("description"),
                form.orNull("aggregation"), form.orNull("uniqueProperty"), form.number("tokenRate"));
        return catalog.addDimension(session, id, wanted)
                .map(listing -> saved(session, listing, "Dimension “" + form.of("key") + "” is added."))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> catalog.listing(session, id)
                        .chain(listing -> detailPage(session, listing, 400, typedOf(listing), FormErrors.NONE, form,
                                FormErrors.of((ApiRefusedException) failure, DIMENSION_FIELDS), null)));
    }

    @GET
    @Path("{id}/dimensions/{key}")
    public Uni<Response> dimension(@PathParam("id") String id, @PathParam("key") String key) {
        Session session = current.required();
        return catalog.listing(session, id).chain(listing -> {
            Listing.Dimension dimension = dimensionOf(listing, key);
            return dimensionPage(session, listing, dimension, 200, FormValues.of("title", dimension.title(),
                    "pricePerUnit", plain(dimension.pricePerUnit()), "description", dimension.description(),
                    "tokenRate", plain(dimension.tokenRate())), FormErrors.NONE);
        });
    }

    /** Sends the fields as typed; a field left blank keeps its value. */
    @POST
    @Path("{id}/dimensions/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> editDimension(@PathParam("id") String id, @PathParam("key") String key,
            @FormParam("title") String title, @FormParam("pricePerUnit") String pricePerUnit,
            @FormParam("description") String description, @FormParam("tokenRate") String tokenRate) {
        Session session = current.required();
        FormValues form = FormValues.of("title", title, "pricePerUnit", pricePerUnit, "description", description,
                "tokenRate", tokenRate);
        DimensionChange change = new DimensionChange(form.orNull("title"), form.number("pricePerUnit"),
                form.orNull("description"), form.number("tokenRate"));
        return catalog.changeDimension(session, id, key, change)
                .map(listing -> saved(session, listing, "Dimension “" + key + "” is saved."))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> catalog.listing(session, id)
                        .chain(listing -> dimensionPage(session, listing, dimensionOf(listing, key), 400, form,
                                FormErrors.of((ApiRefusedException) failure, DIMENSION_EDIT_FIELDS))));
    }

    @POST
    @Path("{id}/dimensions/{key}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> retireDimension(@PathParam("id") String id, @PathParam("key") String key,
            @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return catalog.retireDimension(session, id, key).map(listing -> saved(session, listing,
                "Dimension “" + key + "” is retired: it stays on the listing and takes no new usage."));
    }

    private Response saved(Session session, Listing listing, String notice) {
        flashes.notice(session, notice);
        return Html.seeOther(PATH + "/" + PathSegment.encode(listing.id()));
    }

    private Uni<Response> listPage(Session session, ListFilters filters, int status, FormValues form, FormErrors errors,
            String notice) {
        return filters.fetch(query -> catalog.listings(session, query)).chain(found -> {
            ListingsView view = new ListingsView(found.items(), filters.pager(PATH, found), filters, mayWrite(session),
                    "PLATFORM".equals(session.claims().organizationKind()), form, errors, notice);
            return Html.page(filters.status(status), Templates.listings(Frame.of("Listings", session), view));
        });
    }

    private Uni<Response> detailPage(Session session, Listing listing, int status, FormValues edit, FormErrors editErrors,
            FormValues dimension, FormErrors dimensionErrors, String notice) {
        ListingView view = new ListingView(listing, mayWrite(session), edit, editErrors, dimension, dimensionErrors,
                notice);
        return Html.page(status, Templates.listing(Frame.of(listing.name(), session), view));
    }

    private Uni<Response> dimensionPage(Session session, Listing listing, Listing.Dimension dimension, int status,
            FormValues form, FormErrors errors) {
        DimensionView view = new DimensionView(listing, dimension, mayWrite(session), form, errors);
        return Html.page(status, Templates.dimension(Frame.of(dimension.title(), session), view));
    }

    private static Listing.Dimension dimensionOf(Listing listing, String key) {
        return listing.dimensions().stream().filter(dimension -> dimension.key().equals(key)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** A decimal as typed, without an exponent; null stays null. */
    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static boolean mayWrite(Session session) {
        return session.claims().may("write:catalog");
    }

    private static FormValues typedOf(Listing listing) {
        return FormValues.of("name", listing.name(), "description", listing.description(), "productCode",
                listing.productCode());
    }
}
