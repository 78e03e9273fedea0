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
 * grant (a refresh token works once; presenting a spent one is counted as reuse), revocation, the user, the
 * organization, tenants, roles and OAuth applications. One user: a partner admin.
 */
final class IdentityStub extends StubServer {

    static final String EMAIL = "pat@partner.example";
    static final String PASSWORD = "correct horse battery staple";
    static final String USER_ID = "usr_01PARTNERADMIN";
    static final String ORG_ID = "org_01HELSINKI";
    static final List<String> ADMIN_SCOPES = List.of("read:applications", "read:customers", "read:users",
            "read:webhooks", "write:applications", "write:webhooks");

    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> spentRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> applications = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger reusedRefreshTokens = new AtomicInteger();
    volatile long accessLifetimeSeconds = 3600;
    /** The X-Forwarded-For of each sign-in call, in order ("" when there was none). */
    final List<String> signInsFrom = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The ID tokens federated sign-ins presented. */
    final List<String> idTokens = java.util.Collections.synchronizedList(new ArrayList<>());

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
        if (route.equals("GET /api/v1/users/" + USER_ID)) {
            return ok(Map.of("id", USER_ID, "email", EMAIL, "name", "Pat Partner", "status", "ACTIVE",
                    "organizationId", ORG_ID, "role", "PARTNER_ADMIN", "createdAt", "2026-11-01T08:00:00Z"));
        }
        if (route.equals("GET /api/v1/partners/" + ORG_ID)) {
            return ok(Map.of("id", ORG_ID, "kind", "PARTNER", "parentId", "org_01NORDIC", "name",
                    "Helsinki Cloud Partners Oy", "status", "ACTIVE", "countryCode", "FI", "currency", "eur",
                    "billingDay", 1, "metadata", Map.of()));
        }
        if (route.equals("GET /api/v1/tenants")) {
            return page(List.of(Map.of("id", "org_01TENANT", "kind", "TENANT", "name", "Tenant One")), 2);
        }
        if (route.equals("GET /api/v1/roles") && "PARTNER".equals(call.query().get("organizationKind"))) {
            return ok(List.of(
                    Map.of("name", "PARTNER_ADMIN", "organizationKind", "PARTNER", "reader", false, "allowedScopes", ADMIN_SCOPES),
                    Map.of("name", "PARTNER_READER", "organizationKind", "PARTNER", "reader", true, "allowedScopes",
                            ADMIN_SCOPES.stream().filter(scope -> scope.startsWith("read:")).toList())));
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
        return tokens();
    }

    private Reply login(Call call) {
        Map<String, Object> body = call.json();
        if (!EMAIL.equals(body.get("email")) || !PASSWORD.equals(body.get("password"))) {
            return error(401, "Invalid email or password");
        }
        return tokens();
    }

    private Reply tokens() {
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", newAccessToken());
        tokens.put("refresh_token", newRefreshToken());
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
        if (!refreshTokens.remove(presented)) {
            return new Reply(400, Map.of("error", "invalid_grant",
                    "error_description", "the refresh token is invalid, expired or revoked"));
        }
        spentRefreshTokens.add(presented);
        refreshes.incrementAndGet();
        return new Reply(200, Map.of("access_token", newAccessToken(), "token_type", "Bearer",
                "expires_in", accessLifetimeSeconds, "scope", String.join(" ", ADMIN_SCOPES),
                "refresh_token", newRefreshToken()));
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

    private String newAccessToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"iss\":\"http://identity\",\"aud\":\"mercato\",\"sub\":\"" + USER_ID + "\",\"client_id\":\"" + USER_ID
                + "\",\"org\":\"" + ORG_ID + "\",\"org_kind\":\"PARTNER\",\"org_path\":\"org_01PLATFORM/org_01NORDIC/" + ORG_ID
                + "\",\"role\":\"PARTNER_ADMIN\",\"scope\":\"" + String.join(" ", ADMIN_SCOPES) + "\",\"jti\":\"tok_"
                + counter.incrementAndGet() + "\"}";
        String token = base64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        accessTokens.put(token, Instant.now().plusSeconds(accessLifetimeSeconds));
        return token;
    }

    private String newRefreshToken() {
        String token = "rt_" + counter.incrementAndGet();
        refreshTokens.add(token);
        return token;
    }
}
