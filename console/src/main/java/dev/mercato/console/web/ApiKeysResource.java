package dev.mercato.console.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import dev.mercato.console.identity.ApiKey;
import dev.mercato.console.identity.ApiKeyChange;
import dev.mercato.console.identity.IdentityApi;
import dev.mercato.console.identity.NewApiKey;
import dev.mercato.console.identity.RoleGrant;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Settings > Integrations > API Access > API keys: the keys of the user's organization and below — list (by status, 20
 * a page, newest first), create with scopes the user's role may grant, the key shown exactly once, rename, revoke.
 */
@Path(ApiKeysResource.PATH)
public class ApiKeysResource {

    static final String PATH = ApiAccessResource.PATH + "/keys";
    private static final Set<String> CREATE_FIELDS = Set.of("name", "scopes", "role");
    private static final Set<String> RENAME_FIELDS = Set.of("name");
    /** The orders identity sorts keys on, the API's sort then its label; the first is the default. */
    private static final String[] SORTS = { "-createdAt", "Newest first", "createdAt", "Oldest first", "name", "Name",
            "-lastUsedAt", "Last used first" };

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apiKeys(Frame frame, ApiKeysView page);

        static native TemplateInstance apiKey(Frame frame, ApiKeysView.One page);

        static native TemplateInstance apiKeyShown(Frame frame, ApiKey key);
    }

    private final IdentityApi identity;
    private final CurrentSession current;
    private final Flashes flashes;

    public ApiKeysResource(IdentityApi identity, CurrentSession current, Flashes flashes) {
        this.identity = identity;
        this.current = current;
        this.flashes = flashes;
    }

    @GET
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, SORTS).equal("status", status);
        return listPage(session, 200, filters, "", Set.of(), "", FormErrors.NONE, flashes.takeNotice(session));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@FormParam("name") String name, @FormParam("scopes") List<String> scopes,
            @FormParam("role") String role) {
        Session session = current.required();
        Set<String> chosen = scopes == null ? Set.of() : new LinkedHashSet<>(scopes);
        String typedName = name == null ? "" : name.strip();
        NewApiKey wanted = new NewApiKey(typedName, chosen, role == null || role.isBlank() ? null : role);
        return identity.createApiKey(session, wanted)
                .map(created -> {
                    flashes.put(session, shownKey(created.id()), created);
                    return Html.seeOther(PATH + "/" + PathSegment.encode(created.id()) + "/key");
                })
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> listPage(session, 400,
                        ListFilters.sortedBy(null, 1, SORTS), typedName,
                        chosen, role, FormErrors.of((ApiRefusedException) failure, CREATE_FIELDS), null));
    }

    /** The new key, taken out of the session's memory as it is shown: a reload finds it gone. */
    @GET
    @Path("{id}/key")
    public Uni<Response> shown(@PathParam("id") String id) {
        Session session = current.required();
        ApiKey shown = flashes.take(session, shownKey(id), ApiKey.class);
        return Html.page(200, Templates.apiKeyShown(Frame.of("API key", session), shown));
    }

    @GET
    @Path("{id}")
    public Uni<Response> one(@PathParam("id") String id) {
        Session session = current.required();
        String notice = flashes.takeNotice(session);
        return identity.apiKey(session, id).chain(key -> onePage(session, 200, key, key.name(), FormErrors.NONE, notice));
    }

    /** Renames the key: the name as typed, the API's refusal next to the field. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rename(@PathParam("id") String id, @FormParam("name") String name) {
        Session session = current.required();
        String typedName = name == null ? "" : name.strip();
        return identity.changeApiKey(session, id, new ApiKeyChange(typedName)).map(renamed -> {
            flashes.notice(session, "The API key is renamed “" + renamed.name() + "”.");
            return Html.seeOther(PATH + "/" + PathSegment.encode(renamed.id()));
        }).onFailure(FormErrors::invalidInput).recoverWithUni(failure -> identity.apiKey(session, id)
                .chain(key -> onePage(session, 400, key, typedName,
                        FormErrors.of((ApiRefusedException) failure, RENAME_FIELDS), null)));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return identity.revokeApiKey(session, id).map(revoked -> {
            flashes.notice(session, "API key “" + revoked.name() + "” is revoked; it and every token obtained with it no longer work.");
            return Html.seeOther(PATH);
        });
    }

    private Uni<Response> listPage(Session session, int httpStatus, ListFilters filters, String name,
            Set<String> chosenScopes, String chosenRole, FormErrors errors, String notice) {
        boolean mayWrite = session.claims().may("write:applications");
        Uni<List<RoleGrant>> roles = mayWrite ? identity.rolesOfMyKind(session) : Uni.createFrom().item(List.of());
        return filters.fetch(query -> identity.apiKeys(session, query)).chain(found -> roles.chain(grants -> {
            Grants offered = Grants.of(grants, session.claims().role(), chosenScopes, chosenRole);
            ApiKeysView view = new ApiKeysView(found.items(), filters.pager(PATH, found), filters, mayWrite,
                    offered.scopes(), offered.roles(), name, errors, notice);
            return Html.page(filters.status(httpStatus), Templates.apiKeys(Frame.of("API keys", session), view));
        }));
    }

    private Uni<Response> onePage(Session session, int httpStatus, ApiKey key, String name, FormErrors errors,
            String notice) {
        ApiKeysView.One view = new ApiKeysView.One(key, PATH + "/" + PathSegment.encode(key.id()),
                session.claims().may("write:applications"), name, errors, notice);
        return Html.page(httpStatus, Templates.apiKey(Frame.of("API key " + key.name(), session), view));
    }

    private static String shownKey(String id) {
        return "api-key:" + id;
    }
}
