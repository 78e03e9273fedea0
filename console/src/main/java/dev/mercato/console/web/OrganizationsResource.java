package dev.mercato.console.web;

import java.util.Arrays;
import java.util.List;
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
import dev.mercato.console.identity.IdentityApi;
import dev.mercato.console.identity.NewOrganization;
import dev.mercato.console.identity.Organization;
import dev.mercato.console.identity.OrganizationChange;
import dev.mercato.console.identity.OrganizationKind;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Organizations: the part of the tree the user may see, one kind at a time (distributors → partners → tenants, and
 * vendors), filtered and paged as identity's lists are; create, edit, suspend and reactivate where the role may.
 */
@Path(OrganizationsResource.PATH)
public class OrganizationsResource {

    static final String PATH = "/organizations";
    /** The orders the lists offer: the API's sort, then its label. */
    private static final String[] SORTS = {"name", "Name A–Z", "-name", "Name Z–A", "-createdAt", "Newest first",
        "createdAt", "Oldest first"};
    private static final Set<String> CREATE_FIELDS = Set.of("name", "countryCode", "currency", "parentId", "externalId");
    private static final Set<String> EDIT_FIELDS = Set.of("name", "countryCode", "currency", "externalId", "segment",
            "billingDay");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organizations(Frame frame, OrganizationsView page);

        static native TemplateInstance organization(Frame frame, OrganizationView page);
    }

    private final IdentityApi identity;
    private final CurrentSession current;
    private final Flashes flashes;

    public OrganizationsResource(IdentityApi identity, CurrentSession current, Flashes flashes) {
        this.identity = identity;
        this.current = current;
        this.flashes = flashes;
    }

    /** The first kind the user may read. */
    @GET
    public Response start() {
        Session session = current.required();
        return Html.seeOther(readable(session).stream().findFirst()
                .map(kind -> PATH + "/" + kind.collection()).orElse("/"));
    }

    @GET
    @Path("{collection}")
    public Uni<Response> list(@PathParam("collection") String collection, @QueryParam("name") String name,
            @QueryParam("status") String status, @QueryParam("parentId") String parentId,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SORTS).contains("name", name).equal("status", status)
                .equal("parentId", parentId);
        return listPage(session, kind(collection), filters, 200, FormValues.EMPTY, FormErrors.NONE,
                flashes.takeNotice(session));
    }

    @POST
    @Path("{collection}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@PathParam("collection") String collection, @FormParam("name") String name,
            @FormParam("countryCode") String countryCode, @FormParam("currency") String currency,
            @FormParam("parentId") String parentId, @FormParam("externalId") String externalId) {
        Session session = current.required();
        OrganizationKind kind = kind(collection);
        FormValues form = FormValues.of("name", name, "countryCode", countryCode, "currency", currency, "parentId",
                parentId, "externalId", externalId);
        NewOrganization wanted = new NewOrganization(form.of("name"), form.of("countryCode"), form.orNull("currency"),
                form.orNull("parentId"), form.orNull("externalId"), null, null);
        return identity.createOrganization(session, kind, wanted)
                .map(created -> {
                    flashes.notice(session, "“" + created.name() + "” is created.");
                    return Html.seeOther(detailPath(kind, created.id()));
                })
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> listPage(session, kind,
                        ListFilters.sortedBy(null, 1, SORTS), 400, form, FormErrors.of((ApiRefusedException) failure, CREATE_FIELDS), null));
    }

    @GET
    @Path("{collection}/{id}")
    public Uni<Response> detail(@PathParam("collection") String collection, @PathParam("id") String id) {
        Session session = current.required();
        OrganizationKind kind = kind(collection);
        return identity.organization(session, kind, id).chain(organization -> detailPage(session, kind, organization,
                200, typedOf(organization), FormErrors.NONE, flashes.takeNotice(session)));
    }

    /** Sends the fields as typed; a field left blank keeps its value (identity changes only the fields given). */
    @POST
    @Path("{collection}/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> edit(@PathParam("collection") String collection, @PathParam("id") String id,
            @FormParam("name") String name, @FormParam("countryCode") String countryCode,
            @FormParam("currency") String currency, @FormParam("externalId") String externalId,
            @FormParam("segment") String segment, @FormParam("billingDay") String billingDay) {
        Session session = current.required();
        OrganizationKind kind = kind(collection);
        FormValues form = FormValues.of("name", name, "countryCode", countryCode, "currency", currency, "externalId",
                externalId, "segment", segment, "billingDay", billingDay);
        OrganizationChange change = new OrganizationChange(form.orNull("name"), form.orNull("countryCode"),
                form.orNull("currency"), form.orNull("externalId"), form.orNull("segment"), form.number("billingDay"), null);
        return identity.changeOrganization(session, kind, id, change)
                .map(changed -> saved(session, kind, changed, "“" + changed.name() + "” is saved."))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> identity.organization(session, kind, id)
                        .chain(organization -> detailPage(session, kind, organization, 400, form,
                                FormErrors.of((ApiRefusedException) failure, EDIT_FIELDS), null)));
    }

    @POST
    @Path("{collection}/{id}/suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> suspend(@PathParam("collection") String collection, @PathParam("id") String id,
            @FormParam(CsrfFilter.FIELD) String csrf) {
        return changeStatus(collection, id, "SUSPENDED", "is suspended.");
    }

    @POST
    @Path("{collection}/{id}/reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reactivate(@PathParam("collection") String collection, @PathParam("id") String id,
            @FormParam(CsrfFilter.FIELD) String csrf) {
        return changeStatus(collection, id, "ACTIVE", "is active again.");
    }

    private Uni<Response> changeStatus(String collection, String id, String status, String outcome) {
        Session session = current.required();
        OrganizationKind kind = kind(collection);
        return identity.changeOrganization(session, kind, id, OrganizationChange.status(status))
                .map(changed -> saved(session, kind, changed, "“" + changed.name() + "” " + outcome));
    }

    private Response saved(Session session, OrganizationKind kind, Organization changed, String notice) {
        flashes.notice(session, notice);
        return Html.seeOther(detailPath(kind, changed.id()));
    }

    private Uni<Response> listPage(Session session, OrganizationKind kind, ListFilters filters, int status,
            FormValues form, FormErrors errors, String notice) {
        return filters.fetch(query -> identity.organizations(session, kind, query)).chain(found -> {
            OrganizationsView view = new OrganizationsView(kind, readable(session), found.items(),
                    filters.pager(PATH + "/" + kind.collection(), found), filters,
                    session.claims().may(kind.writeScope()), childKindShown(session, kind), form, errors, notice);
            return Html.page(filters.status(status), Templates.organizations(Frame.of(kind.label(), session), view));
        });
    }

    private Uni<Response> detailPage(Session session, OrganizationKind kind, Organization organization, int status,
            FormValues form, FormErrors errors, String notice) {
        OrganizationView view = new OrganizationView(kind, organization, session.claims().may(kind.writeScope()),
                childKindShown(session, kind), form, errors, notice);
        return Html.page(status, Templates.organization(Frame.of(organization.name(), session), view));
    }

    /** The kind below {@code kind} when the user may read it, so a row links to its children; else null. */
    private static OrganizationKind childKindShown(Session session, OrganizationKind kind) {
        OrganizationKind child = kind.childKind();
        return child != null && session.claims().may(child.readScope()) ? child : null;
    }

    private static List<OrganizationKind> readable(Session session) {
        return Arrays.stream(OrganizationKind.values()).filter(kind -> session.claims().may(kind.readScope())).toList();
    }

    private static FormValues typedOf(Organization organization) {
        return FormValues.of("name", organization.name(), "countryCode", organization.countryCode(), "currency",
                organization.currency(), "externalId", organization.externalId(), "segment", organization.segment(),
                "billingDay", organization.billingDay() == null ? null : organization.billingDay().toString());
    }

    private static OrganizationKind kind(String collection) {
        return OrganizationKind.ofCollection(collection).orElseThrow(NotFoundException::new);
    }

    static String detailPath(OrganizationKind kind, String id) {
        return PATH + "/" + kind.collection() + "/" + PathSegment.encode(id);
    }
}
