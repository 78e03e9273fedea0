package dev.mercato.testkit;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls one endpoint as every kind of caller and checks each answer against the access rule of
 * docs/SECURITY.md — scopes ∧ role ∧ place in the organization tree:
 * <ul>
 * <li>every {@link Role} from each organization given to {@link #callersFrom}, the ones that see the
 * resource's owner and the foreign ones alike: a role without the required scopes gets 403; one
 * whose organization sees the owner gets the allowed status and the resource; any other gets the
 * hidden status (404 for one resource, 200 without the resource for a list or export);</li>
 * <li>a caller that sees the owner but whose token lacks a required scope (403), and, for a write
 * scope, a reader role whose token claims it anyway (403);</li>
 * <li>no token, and tokens that are expired, from another issuer, for another audience, unsigned
 * ({@code alg: none}), forged, or revoked (all 401 with {@code WWW-Authenticate: Bearer}).</li>
 * </ul>
 * Every refused answer must be the error shape and nothing else; a hidden one must not contain the
 * resource. All cases run, then one failure lists every mismatch.
 *
 * <pre>{@code
 * AuthorizationMatrix.get("/api/v1/accounts/" + tenant.id())
 *         .requiring(Scopes.READ_CUSTOMERS)
 *         .exposing(tenant.id(), tenant.path())
 *         .callersFrom(platform, distributor, partner, tenant, otherPartner)
 *         .verify();
 * }</pre>
 */
public final class AuthorizationMatrix {

    private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "errors", "retryAfter");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final Set<String> requiredScopes = new LinkedHashSet<>();
    private final List<TestOrganization> callers = new ArrayList<>();
    private final Map<String, Integer> overrides = new LinkedHashMap<>();
    private String body;
    private String resourceId;
    private String ownerPath;
    private boolean everyoneSees;
    private int allowedStatus = 200;
    private int hiddenStatus = 404;

    private AuthorizationMatrix(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static AuthorizationMatrix get(String path) {
        return new AuthorizationMatrix("GET", path);
    }

    public static AuthorizationMatrix request(String method, String path) {
        return new AuthorizationMatrix(method, path);
    }

    /** The JSON body to send with every call. */
    public AuthorizationMatrix body(String json) {
        this.body = json;
        return this;
    }

    /** The scopes the endpoint demands. */
    public AuthorizationMatrix requiring(String... scopes) {
        requiredScopes.addAll(List.of(scopes));
        return this;
    }

    /** The resource the answer reveals to those allowed, and the path of the organization that owns it. */
    public AuthorizationMatrix exposing(String resourceId, String ownerPath) {
        this.resourceId = resourceId;
        this.ownerPath = ownerPath;
        return this;
    }

    public AuthorizationMatrix exposing(TestOrganization organization) {
        return exposing(organization.id(), organization.path());
    }

    /**
     * A resource every organization may see, given the scopes (the catalogue): no caller is foreign, and
     * every one with the scopes must get the allowed status and the resource.
     */
    public AuthorizationMatrix exposingToEveryone(String resourceId) {
        this.resourceId = resourceId;
        this.ownerPath = "";
        this.everyoneSees = true;
        return this;
    }

    /** Organizations to call from: every role of each one's kind calls from it. */
    public AuthorizationMatrix callersFrom(TestOrganization... organizations) {
        callers.addAll(List.of(organizations));
        return this;
    }

    /** The status of an allowed call; 200 unless set. */
    public AuthorizationMatrix allowedWith(int status) {
        this.allowedStatus = status;
        return this;
    }

    /** The status when the caller may not see the resource: 404 (the default) for one resource, 200 for a list. */
    public AuthorizationMatrix hiddenWith(int status) {
        this.hiddenStatus = status;
        return this;
    }

    /** Overrides the status the rule gives {@code role} calling from {@code organization}. */
    public AuthorizationMatrix expect(Role role, TestOrganization organization, int status) {
        overrides.put(role + "@" + organization.id(), status);
        return this;
    }

    /** Runs every case; fails with the list of every answer that broke the rule. */
    public void verify() {
        if (ownerPath == null || callers.isEmpty()) {
            throw new IllegalStateException("say what the endpoint exposes and who calls it");
        }
        List<String> mismatches = new ArrayList<>();
        Role allowedRole = null;
        TestOrganization allowedOrganization = null;
        for (TestOrganization organization : callers) {
            for (Role role : Role.values()) {
                if (!role.organizationKind().equals(organization.kind())) {
                    continue;
                }
                boolean sees = everyoneSees || organization.sees(ownerPath);
                boolean scoped = role.allowedScopes().containsAll(requiredScopes);
                Integer override = overrides.get(role + "@" + organization.id());
                int expected = override != null ? override : !scoped ? 403 : sees ? allowedStatus : hiddenStatus;
                Reveal reveal = override != null || !scoped ? Reveal.UNCHECKED : sees ? Reveal.MUST : Reveal.MUST_NOT;
                String label = role + " of " + organization.kind().toLowerCase() + " " + organization.id()
                        + (sees ? " (sees the owner)" : " (foreign)");
                check(label, () -> TestTokens.forRole(role, organization), expected, reveal, mismatches);
                if (allowedRole == null && reveal == Reveal.MUST) {
                    allowedRole = role;
                    allowedOrganization = organization;
                }
            }
        }
        if (allowedRole == null) {
            throw new IllegalStateException("no caller may use " + method + " " + path
                    + ": there is nothing to refuse tokens against");
        }
        checkScopeCases(allowedRole, allowedOrganization, mismatches);
        checkBrokenTokens(allowedRole, allowedOrganization, mismatches);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(method + " " + path + " broke the access rule in " + mismatches.size()
                    + " case(s):\n  " + String.join("\n  ", mismatches));
        }
    }

    private void checkScopeCases(Role role, TestOrganization organization, List<String> mismatches) {
        String otherScopes = String.join(" ", role.allowedScopes().stream()
                .filter(scope -> !requiredScopes.contains(scope)).sorted().toList());
        check(role + " whose token lacks " + requiredScopes, () -> TestTokens.builder(role, organization.id(),
                organization.path()).claim("scope", otherScopes).mint(), 403, Reveal.UNCHECKED, mismatches);
        if (requiredScopes.stream().anyMatch(scope -> !Scopes.isReadOnly(scope))) {
            Role reader = Role.valueOf(organization.kind() + "_READER");
            check(reader + " whose token claims " + requiredScopes, () -> TestTokens.forRole(reader, organization,
                    requiredScopes.toArray(String[]::new)), 403, Reveal.UNCHECKED, mismatches);
        }
    }

    private void checkBrokenTokens(Role role, TestOrganization organization, List<String> mismatches) {
        String id = organization.id();
        String at = organization.path();
        Map<String, Supplier<String>> broken = new LinkedHashMap<>();
        broken.put("no token", () -> null);
        broken.put("expired token", () -> TestTokens.expired(role, id, at));
        broken.put("token of another issuer", () -> TestTokens.fromOtherIssuer(role, id, at));
        broken.put("token for another audience", () -> TestTokens.forOtherAudience(role, id, at));
        broken.put("unsigned token (alg none)", () -> TestTokens.algNone(role, id, at));
        broken.put("forged token (unknown key)", () -> TestTokens.signedByUnknownKey(role, id, at));
        broken.put("revoked token", () -> TestTokens.revoked(role, id, at));
        broken.forEach((label, token) -> check(label, token, 401, Reveal.UNCHECKED, mismatches));
    }

    private void check(String label, Supplier<String> token, int expected, Reveal reveal, List<String> mismatches) {
        Response response = send(token.get());
        int status = response.statusCode();
        String answer = response.asString();
        String problem = null;
        if (status != expected) {
            problem = "expected " + expected + ", got " + status;
        } else if (status >= 400) {
            problem = errorShapeProblem(status, answer);
            if (problem == null && status == 401
                    && !String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer")) {
                problem = "401 without WWW-Authenticate: Bearer";
            }
        } else if (reveal == Reveal.MUST && resourceId != null && !answer.contains(resourceId)) {
            problem = "allowed, but the answer lacks " + resourceId;
        } else if (reveal == Reveal.MUST_NOT && resourceId != null && answer.contains(resourceId)) {
            problem = "hidden, but the answer reveals " + resourceId;
        }
        if (problem != null) {
            mismatches.add(label + ": " + problem + " — " + abbreviate(answer));
        }
    }

    private Response send(String token) {
        RequestSpecification request = given().accept("application/json");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.request(method, path);
    }

    /** Null when {@code answer} is exactly the error shape for {@code status}. */
    private static String errorShapeProblem(int status, String answer) {
        try {
            JsonNode json = JSON.readTree(answer);
            if (json == null || !json.isObject()) {
                return "refusal is not a JSON object";
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!ERROR_FIELDS.contains(name)) {
                    return "refusal carries '" + name + "'";
                }
            }
            if (json.path("code").asInt() != status || !json.path("message").isTextual()) {
                return "refusal lacks its code or message";
            }
            return null;
        } catch (java.io.IOException e) {
            return "refusal is not JSON";
        }
    }

    private static String abbreviate(String answer) {
        return answer.length() <= 200 ? answer : answer.substring(0, 200) + "…";
    }

    /** What a successful answer must show of the resource. */
    private enum Reveal {
        MUST, MUST_NOT, UNCHECKED
    }
}
