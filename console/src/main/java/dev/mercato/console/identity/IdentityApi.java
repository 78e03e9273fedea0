package dev.mercato.console.identity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ListQuery;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/** identity-service's public API as the console's pages use it, always as the signed-in user. */
@ApplicationScoped
public class IdentityApi {

    private static final String APPLICATIONS = "/api/v1/applications";
    private static final String API_KEYS = "/api/v1/api-keys";

    private final ApiClient api;

    public IdentityApi(ApiClient api) {
        this.api = api;
    }

    /** The signed-in user. */
    public Uni<User> me(Session session) {
        return api.get(session, Upstream.IDENTITY, "/api/v1/users/" + PathSegment.encode(session.claims().subject()),
                User.class);
    }

    /** The user's organization; null for the platform, which no collection lists. */
    public Uni<Organization> myOrganization(Session session) {
        return OrganizationKind.ofName(session.claims().organizationKind())
                .map(kind -> organization(session, kind, session.claims().organizationId()))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** One page of the organizations of {@code kind} the user may see; {@code query} is the API's list query. */
    public Uni<ApiPage<Organization>> organizations(Session session, OrganizationKind kind, String query) {
        return api.getPage(session, Upstream.IDENTITY, kind.apiPath() + query, Organization.class);
    }

    public Uni<Organization> organization(Session session, OrganizationKind kind, String id) {
        return api.get(session, Upstream.IDENTITY, kind.apiPath() + "/" + PathSegment.encode(id), Organization.class);
    }

    public Uni<Organization> createOrganization(Session session, OrganizationKind kind, NewOrganization organization) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.POST, kind.apiPath(), organization, Organization.class);
    }

    /** Changes the fields {@code change} gives, the status among them (suspend, reactivate). */
    public Uni<Organization> changeOrganization(Session session, OrganizationKind kind, String id,
            OrganizationChange change) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.PATCH, kind.apiPath() + "/" + PathSegment.encode(id),
                change, Organization.class);
    }

    /** How many organizations of {@code kind} the user may see (one item asked for, the page's total read). */
    public Uni<Long> visibleCount(Session session, OrganizationKind kind) {
        return organizations(session, kind, "?limit=1").map(ApiPage::total);
    }

    /** The roles of the user's organization kind, with the scopes each allows. */
    public Uni<List<RoleGrant>> rolesOfMyKind(Session session) {
        return api.getList(session, Upstream.IDENTITY,
                "/api/v1/roles?organizationKind=" + PathSegment.encode(session.claims().organizationKind()), RoleGrant.class);
    }

    /** The first page (up to 100) of applications the user may see, newest first. */
    public Uni<ApiPage<Application>> applications(Session session) {
        return api.getPage(session, Upstream.IDENTITY, APPLICATIONS + "?limit=100&sort=-createdAt", Application.class);
    }

    /** Creates an application; the answer carries its client secret, this once. */
    public Uni<Application> createApplication(Session session, NewApplication application) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.POST, APPLICATIONS, application, Application.class);
    }

    /** A new client secret, shown this once. */
    public Uni<Application> rotateApplicationSecret(Session session, String clientId) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.POST,
                APPLICATIONS + "/" + PathSegment.encode(clientId) + "/rotate-secret", null, Application.class);
    }

    /** Revokes the application and every token it holds. */
    public Uni<Application> revokeApplication(Session session, String clientId) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.POST,
                APPLICATIONS + "/" + PathSegment.encode(clientId) + "/revoke", null, Application.class);
    }

    /** One page of the API keys the user may see (the organization's and below); {@code query} is the list's query string ({@code ?page=…}). */
    public Uni<ApiPage<ApiKey>> apiKeys(Session session, String query) {
        return api.getPage(session, Upstream.IDENTITY, API_KEYS + query, ApiKey.class);
    }

    public Uni<ApiKey> apiKey(Session session, String id) {
        return api.get(session, Upstream.IDENTITY, API_KEYS + "/" + PathSegment.encode(id), ApiKey.class);
    }

    /** Creates an API key; the answer carries the key, this once. */
    public Uni<ApiKey> createApiKey(Session session, NewApiKey key) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.POST, API_KEYS, key, ApiKey.class);
    }

    public Uni<ApiKey> changeApiKey(Session session, String id, ApiKeyChange change) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.PATCH, API_KEYS + "/" + PathSegment.encode(id), change,
                ApiKey.class);
    }

    /** Revokes the key and every token obtained with it. */
    public Uni<ApiKey> revokeApiKey(Session session, String id) {
        return api.send(session, Upstream.IDENTITY, HttpMethod.POST, API_KEYS + "/" + PathSegment.encode(id) + "/revoke",
                null, ApiKey.class);
    }
}
