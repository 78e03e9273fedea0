package dev.mercato.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.mercato.console.session.Session;
import dev.mercato.console.session.SessionCookies;

/**
 * Every form POST must carry the CSRF token the page put in it ({@code csrf}): the session's own token, or before
 * sign-in the one in the sign-in cookie. Anything else — no token, another token, a body that is not a form — is
 * refused with a 403 page before the request does anything.
 */
public class CsrfFilter {

    static final String FIELD = "csrf";

    private final CurrentSession current;
    private final SessionCookies cookies;

    public CsrfFilter(CurrentSession current, SessionCookies cookies) {
        this.current = current;
        this.cookies = cookies;
    }

    @ServerRequestFilter(readBody = true)
    public Optional<Response> checkToken(ResteasyReactiveContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        String expected = expectedToken(request);
        String presented = presentedToken(request);
        if (expected != null && !expected.isEmpty() && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Html.pageNow(403, ErrorPages.template(new ErrorView(403, "Form expired",
                "This form did not come from this page of the console, or it has expired; go back, reload the page and try again.",
                null), current)));
    }

    private String expectedToken(ContainerRequestContext request) {
        Session session = current.get();
        if (session != null) {
            return session.csrfToken();
        }
        Cookie signIn = request.getCookies().get(cookies.signInName());
        return signIn == null ? null : signIn.getValue();
    }

    private static String presentedToken(ResteasyReactiveContainerRequestContext request) {
        if (!(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)
                || context.getFormData() == null) {
            return null;
        }
        Object value = context.getFormParameter(FIELD, true, false);
        return value instanceof String token ? token : null;
    }
}
