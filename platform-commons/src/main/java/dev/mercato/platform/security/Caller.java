package dev.mercato.platform.security;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the verified access token says (docs/SECURITY.md), and what follows for
 * access: its scopes, its role and its place in the organization tree. Inject it into a resource
 * whose endpoints require a token ({@code @PermissionsAllowed}); on an anonymous request every
 * method fails with 401.
 */
@RequestScoped
public class Caller {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user ({@code usr_…}) or application ({@code app_…}) the token was issued to. */
    public String subject() {
        return claims().subject();
    }

    /** The application or API key that obtained the token; null when the token names none. */
    public String clientId() {
        return claims().clientId();
    }

    public String organizationId() {
        return claims().organizationId();
    }

    /** PLATFORM, DISTRIBUTOR, PARTNER, TENANT or VENDOR. */
    public String organizationKind() {
        return claims().organizationKind();
    }

    /** The caller's organization path: ids from the platform down to its own, '/'-separated. */
    public String organizationPath() {
        return claims().organizationPath();
    }

    public Role role() {
        return claims().role();
    }

    /** The token's scopes that the caller's role allows. */
    public Set<String> scopes() {
        return claims().scopes();
    }

    public boolean hasScope(String scope) {
        return claims().scopes().contains(scope);
    }

    /** Fails with 403 unless the caller has {@code scope}. */
    public void requireScope(String scope) {
        if (!hasScope(scope)) {
            throw new ForbiddenException();
        }
    }

    /** Fails with 403 for a {@code *_READER} role: readers never write, whatever their scopes. */
    public void requireWriter() {
        if (role().isReader()) {
            throw new ForbiddenException();
        }
    }

    /** Whether something owned by the organization at {@code ownerPath} is visible: its own or a descendant's. */
    public boolean canSee(String ownerPath) {
        String path = organizationPath();
        return ownerPath != null && (ownerPath.equals(path) || ownerPath.startsWith(path + "/"));
    }

    /**
     * The rows the caller may see, for {@code Listings}: those whose owner path ({@code pathAttribute},
     * an entity attribute) is the caller's path or lies below it, decided in SQL.
     */
    public Visibility visibility(String pathAttribute) {
        if (!ATTRIBUTE.matcher(pathAttribute).matches()) {
            throw new IllegalArgumentException("not an attribute name: " + pathAttribute);
        }
        String path = organizationPath();
        return Visibility.of("(" + pathAttribute + " = :callerPath or " + pathAttribute
                + " like :callerPathPrefix escape '\\')",
                Map.of("callerPath", path, "callerPathPrefix", likeLiteral(path) + "/%"));
    }

    /** {@code value} for a LIKE pattern with '\' as escape: ids contain '_', which must not match any character. */
    static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }

    private CallerClaims claims() {
        CallerClaims claims = identity.isAnonymous() ? null : identity.getAttribute(CallerClaims.ATTRIBUTE);
        if (claims == null) {
            throw new UnauthorizedException();
        }
        return claims;
    }
}
