package dev.mercato.identity.role;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.access.ManageableOrganizations;
import dev.mercato.identity.access.RoleGrants;
import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.user.User;
import dev.mercato.identity.user.UserEvents;
import dev.mercato.identity.user.UserRepository;
import dev.mercato.identity.user.UserRevocations;
import dev.mercato.identity.user.UserService;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.WriteConflicts;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Gives a user a role in an organization. The caller must be a writer that sees the user and the
 * organization, whose own role is at least as powerful as both the user's current and new role, and
 * may not change its own role. The user's existing tokens are revoked: they carry the old role.
 */
@ApplicationScoped
public class RoleAssignmentService {

    private final UserService userService;
    private final UserRepository users;
    private final ManageableOrganizations organizations;
    private final UserEvents events;
    private final UserRevocations revocations;
    private final AuditLog audit;
    private final Caller caller;

    public RoleAssignmentService(UserService userService, UserRepository users, ManageableOrganizations organizations,
            UserEvents events, UserRevocations revocations, AuditLog audit, Caller caller) {
        this.userService = userService;
        this.users = users;
        this.organizations = organizations;
        this.events = events;
        this.revocations = revocations;
        this.audit = audit;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<User> assign(String userId, AssignRoleRequest request) {
        return userService.requireChangeable(userId)
                .invoke(user -> {
                    if (user.id.equals(caller.subject())) {
                        throw ApiException.conflict("You cannot change your own role");
                    }
                    RoleGrants.requireGrantable(caller.role(), request.role());
                })
                .chain(user -> organizations.require("organizationId",
                                request.organizationId() != null ? request.organizationId() : user.organizationId)
                        .chain(organization -> apply(user, request, organization)));
    }

    private Uni<User> apply(User user, AssignRoleRequest request, Organization organization) {
        RoleGrants.requireRoleFits("role", request.role(), organization.kind.name());
        if (user.role == request.role() && user.organizationId.equals(organization.id)) {
            return Uni.createFrom().item(user);
        }
        Map<String, Object> details = Map.of("fromRole", user.role.name(), "toRole", request.role().name(),
                "fromOrganizationId", user.organizationId, "toOrganizationId", organization.id);
        user.role = request.role();
        user.organizationId = organization.id;
        user.ownerPath = organization.path;
        user.updatedAt = Instant.now();
        return users.flush()
                .onFailure(WriteConflicts::isConflict).transform(failure -> WriteConflicts.concurrentChange("user"))
                .call(() -> events.updated(user))
                .call(() -> audit.record("user.role_assigned", "user", user.id, user.ownerPath, details))
                .call(() -> revocations.revokeTokensOf(user))
                .replaceWith(user);
    }
}
