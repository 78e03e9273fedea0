package dev.mercato.console.web;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.identity.IdentityApi;
import dev.mercato.console.session.Session;
import dev.mercato.console.session.TokenClaims;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The home page by role: the user, the organization, and where the role may go from here. */
@Path("/")
public class HomeResource {

    /** Organization kinds with tenants below them. */
    private static final Set<String> WITH_TENANTS = Set.of("PLATFORM", "DISTRIBUTOR", "PARTNER");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Frame frame, HomeView home);
    }

    private final IdentityApi identity;
    private final CurrentSession current;

    public HomeResource(IdentityApi identity, CurrentSession current) {
        this.identity = identity;
        this.current = current;
    }

    @GET
    public Uni<Response> home() {
        Session session = current.required();
        TokenClaims claims = session.claims();
        Uni<Long> tenants = WITH_TENANTS.contains(claims.organizationKind()) && claims.may("read:customers")
                ? identity.visibleTenantCount(session) : Uni.createFrom().nullItem();
        // One call after the other: a failure (an ended session, a service down) then ends the page once.
        return identity.me(session).chain(user -> identity.myOrganization(session).chain(organization -> tenants
                .chain(tenantCount -> Html.page(200, Templates.home(Frame.of("Home", session), new HomeView(user,
                        organization, claims.organizationId(), claims.organizationKind(), claims.role(), tenantCount,
                        Viewer.of(session)))))));
    }
}
