package dev.mercato.console.web;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.mercato.console.session.Session;
import dev.mercato.console.session.SessionCookies;
import dev.mercato.console.session.SessionStore;

/**
 * Finds the session the cookie names before any page runs. Every page but sign-in (and the federated sign-in's
 * start and callback) needs one: without it the browser is
 * sent to sign-in (saying the session ended when it brought a cookie that no longer works). Every page answer is
 * {@code no-store}: pages show what only this user may see, and some show a secret once.
 */
public class SessionFilter {

    static final String SIGN_IN = "/sign-in";

    private final SessionStore store;
    private final SessionCookies cookies;
    private final CurrentSession current;

    public SessionFilter(SessionStore store, SessionCookies cookies, CurrentSession current) {
        this.store = store;
        this.cookies = cookies;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> findSession(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(cookies.sessionName());
        Optional<Session> session = store.find(cookie == null ? null : cookie.getValue());
        session.ifPresent(current::set);
        String path = request.getUriInfo().getPath();
        if (session.isPresent() || SIGN_IN.equals(path) || path.startsWith(SIGN_IN + "/federated/")) {
            return Optional.empty();
        }
        return Optional.of(cookie == null ? Html.seeOther(SIGN_IN) : Html.seeOther(SIGN_IN + "?reason=ended", cookies.clearSession()));
    }

    @ServerResponseFilter
    public void noStore(jakarta.ws.rs.container.ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
