package dev.mercato.console.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.mercato.console.ConsoleConfig;

/**
 * The console's cookies, all HttpOnly, Secure with the {@code __Host-} prefix unless {@code cookie-secure} is off: the
 * session cookie and the sign-in form's CSRF cookie (there is no session yet to keep that token in), both
 * SameSite=Strict; and the cookie that binds a federated sign-in to the browser that started it, SameSite=Lax because
 * the identity provider sends the browser back from another site (a Strict cookie would not come with it), for the
 * few minutes the attempt lives.
 */
@ApplicationScoped
public class SessionCookies {

    private final boolean secure;
    private final String sessionName;
    private final String signInName;
    private final String federatedName;

    public SessionCookies(ConsoleConfig config) {
        this.secure = config.cookieSecure();
        String prefix = secure ? "__Host-" : "";
        this.sessionName = prefix + "mercato-console";
        this.signInName = prefix + "mercato-console-signin";
        this.federatedName = prefix + "mercato-console-federated";
    }

    public String sessionName() {
        return sessionName;
    }

    public String signInName() {
        return signInName;
    }

    public String federatedName() {
        return federatedName;
    }

    public NewCookie federated(String value, int maxAgeSeconds) {
        return cookie(federatedName, value, maxAgeSeconds, NewCookie.SameSite.LAX);
    }

    public NewCookie clearFederated() {
        return cookie(federatedName, "", 0, NewCookie.SameSite.LAX);
    }

    public NewCookie session(String value) {
        return cookie(sessionName, value, NewCookie.DEFAULT_MAX_AGE);
    }

    public NewCookie signIn(String value) {
        return cookie(signInName, value, NewCookie.DEFAULT_MAX_AGE);
    }

    public NewCookie clearSession() {
        return cookie(sessionName, "", 0);
    }

    public NewCookie clearSignIn() {
        return cookie(signInName, "", 0);
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return cookie(name, value, maxAge, NewCookie.SameSite.STRICT);
    }

    private NewCookie cookie(String name, String value, int maxAge, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).secure(secure).httpOnly(true)
                .sameSite(sameSite).build();
    }
}
