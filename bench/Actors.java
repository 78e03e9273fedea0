import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The callers of the role matrix and the foreign-organization matrix: a user of every role, logged in by password, in
 * the demo marketplace's own organizations (the oldest distributor, its oldest partner and that partner's oldest tenant,
 * the oldest vendor, the platform: what {@code ./mercato demo} creates first on a fresh suite), and the admins of a
 * foreign organization of each kind (a second distributor with its own partner and tenant, and a second vendor) made
 * for this run. Every user is created by the platform admin through {@code POST /api/v1/users}. The demo's tenant admin
 * then makes what the demo gives a tenant none of: an OAuth application, an API key and a (disabled) webhook endpoint,
 * so that the foreign admins have those to reach for too.
 */
final class Actors {

    static final String PASSWORD = "authz-matrix-password-42";
    static final List<String> KINDS = List.of("PLATFORM", "DISTRIBUTOR", "PARTNER", "TENANT", "VENDOR");

    /** A logged-in user: its role, organization and the scopes its token carries. */
    record Actor(String role, String organization, String token, Set<String> scopes) {
        boolean reader() {
            return role.endsWith("_READER");
        }

        String kind() {
            return role.substring(0, role.indexOf('_'));
        }
    }

    final Map<String, URI> services;
    final URI identity;
    final String adminToken;
    final String run = Long.toString(System.currentTimeMillis(), 36);
    /** Organization kind to the demo's organization of that kind. */
    final Map<String, String> demo = new LinkedHashMap<>();
    /** Organization kind (but the platform) to this run's foreign organization of that kind. */
    final Map<String, String> foreign = new LinkedHashMap<>();
    /** One user of each of the ten roles in the demo's organizations, in role order. */
    final List<Actor> roles = new ArrayList<>();
    /** The admin of each foreign organization. */
    final List<Actor> foreignAdmins = new ArrayList<>();

    Actors(Map<String, URI> services, String adminToken) {
        this.services = services;
        this.identity = services.get("identity");
        this.adminToken = adminToken;
    }

    /** Finds the demo's organizations, makes the foreign ones and logs a user of every role in. */
    Actors prepare() throws Exception {
        long started = System.nanoTime();
        demo.put("PLATFORM", (String) claims(adminToken).get("org"));
        demo.put("DISTRIBUTOR", oldest("distributors", ""));
        demo.put("PARTNER", oldest("partners", "&parentId=" + demo.get("DISTRIBUTOR")));
        demo.put("TENANT", oldest("tenants", "&parentId=" + demo.get("PARTNER")));
        demo.put("VENDOR", oldest("vendors", ""));
        foreign.put("DISTRIBUTOR", create("distributors", Map.of("name", "Authz foreign distributor " + run,
                "countryCode", "DK", "currency", "dkk")));
        foreign.put("PARTNER", create("partners", Map.of("name", "Authz foreign partner " + run, "countryCode", "DK",
                "parentId", foreign.get("DISTRIBUTOR"))));
        foreign.put("TENANT", create("tenants", Map.of("name", "Authz foreign tenant " + run, "countryCode", "DK",
                "parentId", foreign.get("PARTNER"))));
        foreign.put("VENDOR", create("vendors", Map.of("name", "Authz foreign vendor " + run, "countryCode", "DK",
                "currency", "dkk")));
        // password hashing is the slow part of both creating and logging in: two at a time on a small machine
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Actor>> own = new ArrayList<>();
        for (String kind : KINDS) {
            for (String suffix : List.of("_ADMIN", "_READER")) {
                own.add(pool.submit(() -> user(kind + suffix, demo.get(kind))));
            }
        }
        List<Future<Actor>> strangers = new ArrayList<>();
        for (Map.Entry<String, String> organization : foreign.entrySet()) {
            strangers.add(pool.submit(() -> user(organization.getKey() + "_ADMIN", organization.getValue())));
        }
        for (Future<Actor> actor : own) {
            roles.add(actor.get());
        }
        for (Future<Actor> actor : strangers) {
            foreignAdmins.add(actor.get());
        }
        pool.shutdown();
        seedTenantObjects();
        System.out.printf("actors: demo %s; foreign %s; %d role users and %d foreign admins logged in in %d s%n", demo,
                foreign, roles.size(), foreignAdmins.size(), (System.nanoTime() - started) / 1_000_000_000L);
        return this;
    }

    void seedTenantObjects() {
        String tenantAdmin = roles.stream().filter(actor -> actor.role().equals("TENANT_ADMIN")).findFirst()
                .orElseThrow().token();
        created(post(identity, "/api/v1/applications", Map.of("name", "authz application " + run,
                "scopes", List.of("read:catalog")), tenantAdmin));
        created(post(identity, "/api/v1/api-keys", Map.of("name", "authz api key " + run,
                "scopes", List.of("read:catalog")), tenantAdmin));
        if (services.containsKey("webhook")) {
            created(post(services.get("webhook"), "/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/authz-" + run,
                    "enabled", false), tenantAdmin));
        }
    }

    /** The first organization of a collection by creation time. */
    String oldest(String collection, String filter) {
        Fuzz.Answer answer = get("/api/v1/" + collection + "?sort=createdAt&limit=1" + filter, adminToken);
        if (answer.status() == 200 && Fuzz.Json.parse(answer.text()) instanceof Map<?, ?> page
                && page.get("data") instanceof List<?> data && !data.isEmpty()
                && data.get(0) instanceof Map<?, ?> first) {
            return (String) first.get("id");
        }
        throw new IllegalStateException("no " + collection + " (" + answer.status() + "): run ./mercato demo first");
    }

    String create(String collection, Map<String, Object> body) {
        return (String) created(post(identity, "/api/v1/" + collection, body, adminToken)).get("id");
    }

    Actor user(String role, String organization) {
        String email = role.toLowerCase().replace('_', '.') + "." + organization.toLowerCase() + "." + run
                + "@authz.example";
        created(post(identity, "/api/v1/users", Map.of("email", email, "name", role + " " + run, "role", role,
                "password", PASSWORD, "organizationId", organization), adminToken));
        Fuzz.Answer login = post(identity, "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + email + " answered " + login.status() + " " + login.text());
        }
        String token = (String) ((Map<?, ?>) Fuzz.Json.parse(login.text())).get("access_token");
        String scope = String.valueOf(claims(token).get("scope"));
        return new Actor(role, organization, token, Set.of(scope.split(" ")));
    }

    static Map<?, ?> created(Fuzz.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("could not prepare the matrix: " + answer.status() + " " + answer.text());
        }
        return (Map<?, ?>) ((Map<?, ?>) Fuzz.Json.parse(answer.text())).get("data");
    }

    Fuzz.Answer get(String target, String token) {
        return Fuzz.send(identity, new Fuzz.Mutant("GET", target, Map.of("Authorization", "Bearer " + token), null));
    }

    static Fuzz.Answer post(URI service, String target, Map<String, Object> body, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return Fuzz.send(service, new Fuzz.Mutant("POST", target, headers,
                Fuzz.Json.write(body).getBytes(StandardCharsets.UTF_8)));
    }

    static Map<?, ?> claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return (Map<?, ?>) Fuzz.Json.parse(payload);
    }
}
