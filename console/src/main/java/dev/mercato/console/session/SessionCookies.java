package dev.mercato.console.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.mercato.console.ConsoleConfig;

/**
 * The console's two cookies, both HttpOnly and SameSite=Strict, Secure with the {@code __Host-} prefix unless
 * {@code cookie-secure} is off: the session cookie, and the sign-in form's CSRF cookie (there is no session yet to
 * keep that token in).
 */
@ApplicationScoped
public class SessionCookies {

    private final boolean secure;
    private final String sessionName;
    private final String signInName;

    public SessionCookies(ConsoleConfig config) {
        this.secure = config.cookieSecure();
        String prefix = secure ? "__Host-" : "";
        this.sessionName = prefix + "mercato-console";
        this.signInName = prefix + "mercato-console-signin";
    }

    public String sessionName() {
        return sessionName;
    }

    public String signInName() {
        return signInName;
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
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).secure(secure).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
