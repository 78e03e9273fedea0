package dev.mercato.identity.login;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.user.PasswordHasher;
import dev.mercato.identity.user.UserRepository;
import dev.mercato.platform.api.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password login. A wrong email, a wrong password, a user without a password and a disabled user all
 * get the same 401 after the same work (one password hash), so the answer tells nothing about which
 * emails exist; attempts per email are throttled ({@link LoginThrottle}).
 */
@ApplicationScoped
public class LoginService {

    static final String INVALID = "Invalid email or password";

    private final LoginThrottle throttle;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final UserTokens tokens;

    public LoginService(LoginThrottle throttle, UserRepository users, PasswordHasher passwords, UserTokens tokens) {
        this.throttle = throttle;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    public Uni<LoginTokensResponse> login(LoginRequest request) {
        String email = request.email().strip();
        // The hash runs between two short sessions, so a slow verification never holds a connection.
        return throttle.attempt(email)
                .chain(() -> Panache.withSession(() -> users.findByEmail(email)))
                .chain(user -> passwords.verify(request.password(), user == null ? null : user.passwordHash)
                        .chain(matches -> matches && user.isActive()
                                ? throttle.clear(email).chain(() -> Panache.withSession(() -> tokens.issue(user)))
                                : Uni.createFrom().failure(new ApiException(401, INVALID))));
    }
}
