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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.identity.Application;
import dev.mercato.console.identity.IdentityApi;
import dev.mercato.console.identity.NewApplication;
import dev.mercato.console.identity.RoleGrant;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Settings > Integrations > API Access: OAuth applications — list, create with scopes the user's role may grant, the
 * client secret shown exactly once (after create and rotate), revoke.
 */
@Path(ApiAccessResource.PATH)
public class ApiAccessResource {

    static final String PATH = "/settings/integrations/api-access";
    private static final Set<String> FORM_FIELDS = Set.of("name", "description", "scopes", "role");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apiAccess(Frame frame, ApiAccessView page);

        static native TemplateInstance applicationSecret(Frame frame, Application application);
    }

    private final IdentityApi identity;
    private final CurrentSession current;
    private final Flashes flashes;

    public ApiAccessResource(IdentityApi identity, CurrentSession current, Flashes flashes) {
        this.identity = identity;
        this.current = current;
        this.flashes = flashes;
    }

    @GET
    public Uni<Response> list() {
        Session session = current.required();
        return page(session, 200, "", "", Set.of(), "", FormErrors.NONE, flashes.takeNotice(session));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@FormParam("name") String name, @FormParam("description") String description,
            @FormParam("scopes") List<String> scopes, @FormParam("role") String role) {
        Session session = current.required();
        Set<String> chosen = scopes == null ? Set.of() : new LinkedHashSet<>(scopes);
        String typedName = name == null ? "" : name.strip();
        String typedDescription = description == null ? "" : description.strip();
        NewApplication wanted = new NewApplication(typedName, typedDescription.isEmpty() ? null : typedDescription, chosen,
                role == null || role.isBlank() ? null : role);
        return identity.createApplication(session, wanted)
                .map(created -> secretPage(session, created))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> page(session, 400, typedName,
                        typedDescription, chosen, role, FormErrors.of((ApiRefusedException) failure, FORM_FIELDS), null));
    }

    @GET
    @Path("{clientId}/secret")
    public Uni<Response> secret(@PathParam("clientId") String clientId) {
        Session session = current.required();
        Application shown = flashes.take(session, secretKey(clientId), Application.class);
        return Html.page(200, Templates.applicationSecret(Frame.of("Client secret", session), shown));
    }

    @POST
    @Path("{clientId}/rotate-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rotate(@PathParam("clientId") String clientId, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return identity.rotateApplicationSecret(session, clientId).map(rotated -> secretPage(session, rotated));
    }

    @POST
    @Path("{clientId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(@PathParam("clientId") String clientId, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return identity.revokeApplication(session, clientId).map(revoked -> {
            flashes.notice(session, "Application “" + revoked.name() + "” is revoked; its secret and tokens no longer work.");
            return Html.seeOther(PATH);
        });
    }

    private Response secretPage(Session session, Application withSecret) {
        flashes.put(session, secretKey(withSecret.clientId()), withSecret);
        return Html.seeOther(PATH + "/" + PathSegment.encode(withSecret.clientId()) + "/secret");
    }

    private Uni<Response> page(Session session, int status, String name, String description, Set<String> chosenScopes,
            String chosenRole, FormErrors errors, String notice) {
        boolean mayWrite = session.claims().may("write:applications");
        Uni<List<RoleGrant>> roles = mayWrite ? identity.rolesOfMyKind(session) : Uni.createFrom().item(List.of());
        return identity.applications(session).chain(applications -> roles.chain(grants -> {
            Grants offered = Grants.of(grants, session.claims().role(), chosenScopes, chosenRole);
            ApiAccessView view = new ApiAccessView(applications.items(), applications.total(), mayWrite, offered.scopes(),
                    offered.roles(), name, description, errors, notice);
            return Html.page(status, Templates.apiAccess(Frame.of("API Access", session), view));
        }));
    }

    private static String secretKey(String clientId) {
        return "application-secret:" + clientId;
    }
}
