package dev.mercato.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * identity-service's public API as the console uses it, with its real JSON shapes: password login, the refresh-token
 * grant (a refresh token works once; presenting a spent one is counted as reuse), revocation, users, organizations
 * (lists with filters and pages, create, change — scopes checked as identity checks them), roles, OAuth
 * applications and API keys (each caller sees its organization's keys and those below it). Five users: a partner
 * admin (the default), a partner reader (the same partner, a role that only reads), a tenant admin, a vendor admin
 * and a platform admin.
 */
final class IdentityStub extends StubServer {

    /** A user who can sign in, with the claims of the tokens issued to them. */
    record User(String id, String email, String name, String organizationId, String organizationKind, String orgPath,
            String role, List<String> scopes) {
    }

    static final String EMAIL = "pat@partner.example";
    static final String PASSWORD = "correct horse battery staple";
    static final String USER_ID = "usr_01PARTNERADMIN";
    static final String ORG_ID = "org_01HELSINKI";
    static final String DISTRIBUTOR_ID = "org_01NORDIC";
    static final String TENANT_ID = "org_01TENANT";
    static final String VENDOR_ID = "org_01VENDOR";
    static final List<String> ADMIN_SCOPES = List.of("read:applications", "read:catalog", "read:customers",
            "read:organizations", "read:private-offers", "read:users", "read:webhooks", "write:applications",
            "write:customers", "write:private-offers", "write:webhooks", "read:orders", "write:orders", "read:metering",
            "read:billing", "read:analytics");
    static final User PARTNER_ADMIN = new User(USER_ID, EMAIL, "Pat Partner", ORG_ID, "PARTNER",
            "org_01PLATFORM/" + DISTRIBUTOR_ID + "/" + ORG_ID, "PARTNER_ADMIN", ADMIN_SCOPES);
    /** A second user of the same partner whose role only reads: the partner admin's read scopes. */
    static final User PARTNER_READER = new User("usr_01PARTNERREADER", "rita@partner.example", "Rita Reader", ORG_ID,
            "PARTNER", PARTNER_ADMIN.orgPath(), "PARTNER_READER",
            ADMIN_SCOPES.stream().filter(scope -> scope.startsWith("read:")).toList());
    static final User TENANT_ADMIN = new User("usr_01TENANTADMIN", "terry@tenant.example", "Terry Tenant", TENANT_ID,
            "TENANT", PARTNER_ADMIN.orgPath() + "/" + TENANT_ID, "TENANT_ADMIN", List.of("read:applications",
                    "read:catalog", "read:customers", "read:private-offers", "read:users", "read:webhooks",
                    "write:applications", "write:private-offers", "write:webhooks", "read:orders", "read:metering",
                    "read:billing"));
    static final User VENDOR_ADMIN = new User("usr_01VENDORADMIN", "val@vendor.example", "Val Vendor", VENDOR_ID,
            "VENDOR", "org_01PLATFORM/" + VENDOR_ID, "VENDOR_ADMIN", List.of("read:applications", "read:catalog",
                    "read:customers", "read:private-offers", "read:users", "read:webhooks", "write:applications",
                    "write:catalog", "write:private-offers", "write:webhooks", "read:metering"));
    static final User PLATFORM_ADMIN = new User("usr_01PLATFORMADMIN", "paula@platform.example", "Paula Platform",
            "org_01PLATFORM", "PLATFORM", "org_01PLATFORM", "PLATFORM_ADMIN", List.of("read:applications",
                    "read:catalog", "read:customers", "read:organizations", "read:private-offers", "read:users",
                    "read:webhooks", "read:orders", "write:orders", "read:metering", "read:billing", "read:analytics"));
    private static final Map<String, User> USERS = Map.of(PARTNER_ADMIN.email(), PARTNER_ADMIN,
            PARTNER_READER.email(), PARTNER_READER, TENANT_ADMIN.email(), TENANT_ADMIN, VENDOR_ADMIN.email(), VENDOR_ADMIN,
            PLATFORM_ADMIN.email(), PLATFORM_ADMIN);
    /** Each organization kind's collection, with the scopes that read and change it. */
    private static final Map<String, List<String>> COLLECTIONS = Map.of(
            "distributors", List.of("DISTRIBUTOR", "read:organizations", "write:organizations"),
            "partners", List.of("PARTNER", "read:organizations", "write:organizations"),
            "tenants", List.of("TENANT", "read:customers", "write:customers"),
            "vendors", List.of("VENDOR", "read:organizations", "write:organizations"));

    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, User> tokenUsers = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, User> refreshUsers = new ConcurrentHashMap<>();
    private final Set<String> spentRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> applications = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> organizations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> apiKeys = new ConcurrentHashMap<>();
    /** The organization path of each API key's organization, to answer each caller with the keys it may see. */
    private final Map<String, String> apiKeyOrgPaths = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger reusedRefreshTokens = new AtomicInteger();
    volatile long accessLifetimeSeconds = 3600;
    /** The X-Forwarded-For of each sign-in call, in order ("" when there was none). */
    final List<String> signInsFrom = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The ID tokens federated sign-ins presented. */
    final List<String> idTokens = java.util.Collections.synchronizedList(new ArrayList<>());

    IdentityStub() {
        organization(DISTRIBUTOR_ID, "DISTRIBUTOR", "org_01PLATFORM", "Nordic Distribution AB", "SE");
        organization(ORG_ID, "PARTNER", DISTRIBUTOR_ID, "Helsinki Cloud Partners Oy", "FI");
        organization(TENANT_ID, "TENANT", ORG_ID, "Tenant One", "FI");
        organization("org_01TENANTTWO", "TENANT", ORG_ID, "Tenant Two", "SE");
        organization(VENDOR_ID, "VENDOR", "org_01PLATFORM", "CloudMeter Inc", "US");
    }

    @Override
    Reply handle(Call call) {
        String route = call.method() + " " + call.path();
        if (route.equals("POST /api/v1/auth/login") || route.equals("POST /api/v1/auth/federated")) {
            signInsFrom.add(call.headers().getOrDefault("x-forwarded-for", ""));
            return route.endsWith("login") ? login(call) : federated(call);
        }
        if (route.equals("POST /oauth/token")) {
            return refresh(call);
        }
        if (route.equals("POST /oauth/revoke")) {
            String token = call.form().get("token");
            revokedTokens.add(token);
            refreshTokens.remove(token);
            return new Reply(200, null);
        }
        if (!authorized(call)) {
            return error(401, "The access token is invalid, expired or revoked");
        }
        User caller = tokenUsers.get(call.authorization().substring(7));
        if (route.equals("GET /api/v1/users/" + caller.id())) {
            return ok(Map.of("id", caller.id(), "email", caller.email(), "name", caller.name(), "status", "ACTIVE",
                    "organizationId", caller.organizationId(), "role", caller.role(), "createdAt", "2026-11-01T08:00:00Z"));
        }
        String[] parts = call.path().split("/");
        if (parts.length >= 4 && COLLECTIONS.containsKey(parts[3])) {
            return organizations(call, parts);
        }
        if (route.equals("GET /api/v1/roles")) {
            return ok(USERS.values().stream()
                    .filter(user -> user.organizationKind().equals(call.query().get("organizationKind")))
                    .sorted(java.util.Comparator.comparing(User::role))
                    .map(user -> Map.of("name", user.role(), "organizationKind", user.organizationKind(), "reader",
                            user.role().endsWith("_READER"), "allowedScopes", user.scopes()))
                    .toList());
        }
        if (call.path().startsWith("/api/v1/api-keys")) {
            return apiKeys(call, caller);
        }
        if (call.path().startsWith("/api/v1/applications")) {
            return applications(call);
        }
        return notFound();
    }

    /**
     * Accepts an ID token of the provider named {@code test} whose e-mail is the user's (identity checks the signature;
     * this stub only reads the claims), remembering each token it was given.
     */
    private Reply federated(Call call) {
        Map<String, Object> body = call.json();
        String idToken = String.valueOf(body.get("id_token"));
        idTokens.add(idToken);
        if (!"test".equals(body.get("issuer"))) {
            return error(401, "The ID token is not from an issuer this platform accepts");
        }
        String[] parts = idToken.split("\\.");
        String claims = parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
        if (!claims.contains("\"email\":\"" + EMAIL + "\"")) {
            return error(403, "Your organization does not allow sign-in with this identity provider");
        }
        return tokens(PARTNER_ADMIN);
    }

    private Reply login(Call call) {
        Map<String, Object> body = call.json();
        User user = USERS.get(String.valueOf(body.get("email")));
        if (user == null || !PASSWORD.equals(body.get("password"))) {
            return error(401, "Invalid email or password");
        }
        return tokens(user);
    }

    private Reply tokens(User user) {
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", newAccessToken(user));
        tokens.put("refresh_token", newRefreshToken(user));
        tokens.put("expires", accessLifetimeSeconds);
        return new Reply(200, tokens);
    }

    private Reply refresh(Call call) {
        Map<String, String> form = call.form();
        String presented = form.get("refresh_token");
        if (!"refresh_token".equals(form.get("grant_type")) || presented == null) {
            return new Reply(400, Map.of("error", "invalid_request", "error_description", "refresh_token is required"));
        }
        if (spentRefreshTokens.contains(presented)) {
            reusedRefreshTokens.incrementAndGet();
        }
        User user = refreshUsers.get(presented);
        if (!refreshTokens.remove(presented)) {
            return new Reply(400, Map.of("error", "invalid_grant",
                    "error_description", "the refresh token is invalid, expired or revoked"));
        }
        spentRefreshTokens.add(presented);
        refreshes.incrementAndGet();
        return new Reply(200, Map.of("access_token", newAccessToken(user), "token_type", "Bearer",
                "expires_in", accessLifetimeSeconds, "scope", String.join(" ", user.scopes()),
                "refresh_token", newRefreshToken(user)));
    }

    private Reply applications(Call call) {
        String[] parts = call.path().split("/");
        if (parts.length == 4 && call.method().equals("GET")) {
            List<Map<String, Object>> all = new ArrayList<>(applications.values());
            return page(all, all.size());
        }
        if (parts.length == 4 && call.method().equals("POST")) {
            Map<String, Object> body = call.json();
            if (body.get("name") == null || body.get("name").toString().isBlank()) {
                return invalid("name", "must not be blank");
            }
            if (!(body.get("scopes") instanceof List<?> scopes) || scopes.isEmpty()) {
                return invalid("scopes", "must not be empty");
            }
            String clientId = "app_" + counter.incrementAndGet();
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("clientId", clientId);
            app.put("name", body.get("name"));
            app.put("description", body.get("description"));
            app.put("scopes", scopes);
            app.put("role", body.get("role") == null ? "PARTNER_ADMIN" : body.get("role"));
            app.put("organizationId", ORG_ID);
            app.put("organizationKind", "PARTNER");
            app.put("status", "ACTIVE");
            app.put("createdAt", Instant.now().toString());
            applications.put(clientId, app);
            Map<String, Object> withSecret = new LinkedHashMap<>(app);
            withSecret.put("clientSecret", "secret-of-" + clientId + "-" + counter.incrementAndGet());
            return created(withSecret);
        }
        Map<String, Object> app = parts.length == 6 ? applications.get(parts[4]) : null;
        if (app == null || !call.method().equals("POST")) {
            return notFound();
        }
        if (parts[5].equals("rotate-secret")) {
            Map<String, Object> withSecret = new LinkedHashMap<>(app);
            withSecret.put("clientSecret", "rotated-secret-of-" + parts[4] + "-" + counter.incrementAndGet());
            return ok(withSecret);
        }
        if (parts[5].equals("revoke")) {
            app.put("status", "REVOKED");
            return ok(app);
        }
        return notFound();
    }

    /** identity's API keys: scopes checked as identity checks them; a caller sees its organization's keys and below. */
    private Reply apiKeys(Call call, User caller) {
        String needed = call.method().equals("GET") ? "read:applications" : "write:applications";
        if (!call.scopes().contains(needed)) {
            return error(403, "The token lacks the scope " + needed);
        }
        String[] parts = call.path().split("/");
        if (parts.length == 4 && call.method().equals("GET")) {
            List<Map<String, Object>> found = apiKeys.values().stream()
                    .filter(key -> visible(caller, key) && equal(key, call.query(), "status"))
                    .sorted(java.util.Comparator.comparing((Map<String, Object> key) -> key.get("id").toString()).reversed())
                    .toList();
            return paged(found, call.query());
        }
        if (parts.length == 4 && call.method().equals("POST")) {
            Map<String, Object> body = call.json();
            if (body.get("name") == null || body.get("name").toString().isBlank()) {
                return invalid("name", "must not be blank");
            }
            if (!(body.get("scopes") instanceof List<?> scopes) || scopes.isEmpty()) {
                return invalid("scopes", "must not be empty");
            }
            if (!caller.scopes().containsAll(scopes)) {
                return invalid("scopes", "must be scopes your role may grant");
            }
            Map<String, Object> key = apiKey(caller, body.get("name").toString(), scopes,
                    body.get("role") == null ? caller.role() : body.get("role").toString());
            Map<String, Object> withKey = new LinkedHashMap<>(key);
            withKey.put("key", key.get("keyPrefix") + "-secret-" + counter.incrementAndGet());
            return created(withKey);
        }
        Map<String, Object> key = parts.length >= 5 ? apiKeys.get(parts[4]) : null;
        if (key == null || !visible(caller, key)) {
            return notFound();
        }
        if (parts.length == 5 && call.method().equals("GET")) {
            return ok(key);
        }
        if (parts.length == 5 && call.method().equals("PATCH")) {
            Map<String, Object> body = call.json();
            if (body.containsKey("rateLimitPerHour") || body.containsKey("rateLimitPerMinute")) {
                return error(403, "Only the platform operator may set rate limits");
            }
            Object name = body.get("name");
            if (name != null && (name.toString().isBlank() || name.toString().length() > 200)) {
                return invalid("name", name.toString().isBlank() ? "must not be blank" : "size must be between 0 and 200");
            }
            if (name != null) {
                key.put("name", name);
            }
            return ok(key);
        }
        if (parts.length == 6 && parts[5].equals("revoke") && call.method().equals("POST")) {
            if ("ACTIVE".equals(key.get("status"))) {
                key.put("status", "REVOKED");
                key.put("revokedAt", Instant.now().toString());
            }
            return ok(key);
        }
        return notFound();
    }

    private boolean visible(User caller, Map<String, Object> key) {
        String path = apiKeyOrgPaths.get(key.get("id").toString());
        return path.equals(caller.orgPath()) || path.startsWith(caller.orgPath() + "/");
    }

    /** An API key of {@code owner}'s organization, as identity keeps it (without the key itself). */
    Map<String, Object> apiKey(User owner, String name, List<?> scopes, String role) {
        String id = String.format("key_%06d", counter.incrementAndGet());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("id", id);
        key.put("name", name);
        key.put("keyPrefix", "mk_live_" + id.substring(4));
        key.put("scopes", scopes);
        key.put("role", role);
        key.put("organizationId", owner.organizationId());
        key.put("status", "ACTIVE");
        key.put("rateLimitPerHour", null);
        key.put("rateLimitPerMinute", null);
        key.put("createdBy", owner.id());
        key.put("createdAt", Instant.now().toString());
        key.put("lastUsedAt", null);
        key.put("revokedAt", null);
        apiKeyOrgPaths.put(id, owner.orgPath());
        apiKeys.put(id, key);
        return key;
    }

    List<Map<String, Object>> storedApiKeys() {
        return List.copyOf(apiKeys.values());
    }

    private boolean authorized(Call call) {
        String authorization = call.authorization();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expiresAt = accessTokens.get(authorization.substring(7));
        return expiresAt != null && expiresAt.isAfter(Instant.now());
    }

    /** Every access token issued so far stops working, as if revoked; refresh tokens still work. */
    void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** Every token issued so far stops working: the user's sessions can only end. */
    void revokeEverything() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    boolean wasRevoked(String token) {
        return revokedTokens.contains(token);
    }

    Set<String> liveRefreshTokens() {
        return Set.copyOf(refreshTokens);
    }

    List<Map<String, Object>> storedApplications() {
        return List.copyOf(applications.values());
    }

    /** The user an {@code Authorization} header's access token was issued to, or null. */
    User userOf(String authorization) {
        return authorization == null || !authorization.startsWith("Bearer ") ? null
                : tokenUsers.get(authorization.substring(7));
    }

    List<Map<String, Object>> storedOrganizations() {
        return List.copyOf(organizations.values());
    }

    private Reply organizations(Call call, String[] parts) {
        List<String> collection = COLLECTIONS.get(parts[3]);
        String kind = collection.get(0);
        Set<String> scopes = call.scopes();
        if (!scopes.contains(collection.get(1))) {
            return error(403, "The token lacks the scope " + collection.get(1));
        }
        if (parts.length == 4 && call.method().equals("GET")) {
            List<Map<String, Object>> found = organizations.values().stream()
                    .filter(organization -> kind.equals(organization.get("kind")))
                    .filter(organization -> like(organization, call.query(), "name")
                            && equal(organization, call.query(), "status") && equal(organization, call.query(), "parentId"))
                    .sorted(java.util.Comparator.comparing(organization -> organization.get("name").toString()))
                    .toList();
            return paged(found, call.query());
        }
        boolean writes = !call.method().equals("GET");
        if (writes && !scopes.contains(collection.get(2))) {
            return error(403, "The token lacks the scope " + collection.get(2));
        }
        if (parts.length == 4 && call.method().equals("POST")) {
            Map<String, Object> body = call.json();
            Reply refused = refuseOrganization(body, true);
            if (refused != null) {
                return refused;
            }
            String id = "org_" + counter.incrementAndGet();
            Object parent = body.get("parentId") != null ? body.get("parentId") : userOf(call.authorization()).organizationId();
            Map<String, Object> created = organization(id, kind, parent.toString(), body.get("name").toString(),
                    body.get("countryCode").toString());
            if (body.get("currency") != null) {
                created.put("currency", body.get("currency"));
            }
            created.put("externalId", body.get("externalId"));
            return created(created);
        }
        Map<String, Object> organization = parts.length == 5 ? organizations.get(parts[4]) : null;
        if (organization == null || !kind.equals(organization.get("kind"))) {
            return notFound();
        }
        if (call.method().equals("GET")) {
            return ok(organization);
        }
        if (call.method().equals("PATCH")) {
            Map<String, Object> body = call.json();
            Reply refused = refuseOrganization(body, false);
            if (refused != null) {
                return refused;
            }
            organization.putAll(body);
            return ok(organization);
        }
        return notFound();
    }

    /** identity's own refusals of an organization's fields, with its messages. */
    private static Reply refuseOrganization(Map<String, Object> body, boolean creating) {
        if (creating && (body.get("name") == null || body.get("name").toString().isBlank())) {
            return invalid("name", "must not be blank");
        }
        Object country = body.get("countryCode");
        if ((creating || country != null) && (country == null || !country.toString().matches("[A-Z]{2}"))) {
            return invalid("countryCode", "must be an ISO 3166-1 alpha-2 code such as FI");
        }
        Object billingDay = body.get("billingDay");
        if (billingDay != null && !(billingDay instanceof Integer day && day >= 1 && day <= 28)) {
            return invalid("billingDay", "must be a whole number from 1 to 28");
        }
        return null;
    }

    private Map<String, Object> organization(String id, String kind, String parentId, String name, String countryCode) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", id);
        organization.put("kind", kind);
        organization.put("parentId", parentId);
        organization.put("name", name);
        organization.put("externalId", null);
        organization.put("customerNumber", "10000000" + (10 + organizations.size()));
        organization.put("countryCode", countryCode);
        organization.put("status", "ACTIVE");
        organization.put("currency", "eur");
        organization.put("billingDay", 1);
        organization.put("metadata", Map.of());
        organization.put("createdAt", "2026-11-01T08:00:00Z");
        organizations.put(id, organization);
        return organization;
    }

    private String newAccessToken(User user) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"iss\":\"http://identity\",\"aud\":\"mercato\",\"sub\":\"" + user.id() + "\",\"client_id\":\""
                + user.id() + "\",\"org\":\"" + user.organizationId() + "\",\"org_kind\":\"" + user.organizationKind()
                + "\",\"org_path\":\"" + user.orgPath() + "\",\"role\":\"" + user.role() + "\",\"scope\":\""
                + String.join(" ", user.scopes()) + "\",\"jti\":\"tok_" + counter.incrementAndGet() + "\"}";
        String token = base64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        accessTokens.put(token, Instant.now().plusSeconds(accessLifetimeSeconds));
        tokenUsers.put(token, user);
        return token;
    }

    private String newRefreshToken(User user) {
        String token = "rt_" + counter.incrementAndGet();
        refreshTokens.add(token);
        refreshUsers.put(token, user);
        return token;
    }
}
