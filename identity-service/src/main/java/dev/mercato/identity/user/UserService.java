package dev.mercato.identity.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.access.ManageableOrganizations;
import dev.mercato.identity.access.RoleGrants;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.WriteConflicts;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates users and changes their name and status. Every change is checked against the caller
 * (writer, within its subtree, never more powerful than itself), published through the outbox and
 * written to the audit log in the same transaction; disabling a user also revokes its tokens.
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final ManageableOrganizations organizations;
    private final PasswordLengths settings;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final UserEvents events;
    private final UserRevocations revocations;
    private final AuditLog audit;
    private final Caller caller;

    public UserService(UserRepository users, ManageableOrganizations organizations, PasswordLengths settings,
            PasswordPolicy passwordPolicy, PasswordHasher passwords, UserEvents events, UserRevocations revocations,
            AuditLog audit, Caller caller) {
        this.users = users;
        this.organizations = organizations;
        this.settings = settings;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.events = events;
        this.revocations = revocations;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * Creates a user whose password, if any, {@link #passwordHashFor} has hashed: in the caller's
     * transaction when there is one, else in its own.
     */
    public Uni<User> create(CreateUserRequest request, String passwordHash) {
        RoleGrants.requireGrantable(caller.role(), request.role());
        return Panache.withTransaction(() -> organizations.require("organizationId", request.organizationId())
                .invoke(organization -> RoleGrants.requireRoleFits("role", request.role(), organization.kind.name()))
                .call(organization -> requireEmailFree(request.email()))
                .map(organization -> newUser(request, organization, passwordHash))
                .call(user -> users.persist(user).call(users::flush)
                        .onFailure(WriteConflicts::isUniqueViolation).transform(failure -> emailTaken()))
                .call(events::created)
                .call(user -> audit.record("user.created", "user", user.id, user.ownerPath, Map.of(
                        "email", user.email, "organizationId", user.organizationId, "role", user.role.name()))));
    }

    /** Applies the fields {@code request} carries; a change that changes nothing publishes nothing. */
    @WithTransaction
    public Uni<User> update(String id, UpdateUserRequest request) {
        return requireChangeable(id).chain(user -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            if (request.name() != null && !request.name().strip().equals(user.name)) {
                user.name = request.name().strip();
                changes.put("name", user.name);
            }
            boolean disabling = request.status() == UserStatus.DISABLED && user.isActive();
            if (request.status() != null && request.status() != user.status) {
                if (disabling && user.id.equals(caller.subject())) {
                    throw ApiException.conflict("You cannot disable yourself");
                }
                user.status = request.status();
                changes.put("status", user.status.name());
            }
            if (changes.isEmpty()) {
                return Uni.createFrom().item(user);
            }
            user.updatedAt = Instant.now();
            return users.flush()
                    .onFailure(WriteConflicts::isConflict).transform(failure -> WriteConflicts.concurrentChange("user"))
                    .call(() -> events.updated(user))
                    .call(() -> audit.record("user.updated", "user", user.id, user.ownerPath, changes))
                    .call(() -> disabling ? revocations.revokeTokensOf(user) : Uni.createFrom().voidItem())
                    .replaceWith(user);
        });
    }

    /**
     * The user {@code id} if the caller sees it (404 otherwise, as if it did not exist) and may change
     * it: a writer whose role is at least as powerful as the user's. Needs a transaction.
     */
    public Uni<User> requireChangeable(String id) {
        caller.requireWriter();
        return users.findVisible(id, caller.visibility("ownerPath"))
                .onItem().ifNull().failWith(() -> ApiException.notFound("user", id))
                .invoke(user -> RoleGrants.requireGrantable(caller.role(), user.role));
    }

    private Uni<Void> requireEmailFree(String email) {
        return users.emailTaken(email.strip()).map(taken -> {
            if (taken) {
                throw emailTaken();
            }
            return null;
        });
    }

    /**
     * The hash of the request's password once it meets its organization's policy; null for none. Call it
     * before the transaction that creates the user, outside any database session: PBKDF2 takes hundreds of
     * milliseconds on a worker thread, which a transaction would spend holding a pooled connection.
     */
    public Uni<String> passwordHashFor(CreateUserRequest request) {
        RoleGrants.requireGrantable(caller.role(), request.role());
        if (request.password() == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> organizations.require("organizationId", request.organizationId())
                        .chain(organization -> settings.passwordMinLength(organization.id)))
                .invoke(minLength -> passwordPolicy.requireAcceptable("password", request.password(), minLength))
                .chain(() -> passwords.hash(request.password()));
    }

    private static User newUser(CreateUserRequest request, Organization organization, String passwordHash) {
        Instant now = Instant.now();
        User user = new User();
        user.id = Ids.next("usr");
        user.email = request.email().strip();
        user.name = request.name().strip();
        user.status = UserStatus.ACTIVE;
        user.organizationId = organization.id;
        user.ownerPath = organization.path;
        user.role = request.role();
        user.passwordHash = passwordHash;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("A user with this email already exists");
    }
}
