package dev.mercato.console.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.ApiUnavailableException;
import dev.mercato.console.api.SessionEndedException;
import dev.mercato.console.session.SessionCookies;
import dev.mercato.console.session.TooManySessionsException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Every failure becomes a page that says in one sentence what happened and what to do — never a stack trace: a service
 * that is down, a refusal by an API, an ended session (back to sign-in), or a fault of the console itself (logged here
 * with its cause; the page only says it happened).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance error(Frame frame, ErrorView error);
    }

    private final CurrentSession current;
    private final SessionCookies cookies;

    public ErrorPages(CurrentSession current, SessionCookies cookies) {
        this.current = current;
        this.cookies = cookies;
    }

    /** The page for {@code error} inside the frame of whoever is signed in. */
    public static TemplateInstance template(ErrorView error, CurrentSession current) {
        return Templates.error(Frame.of(error.heading(), current.get()), error);
    }

    @ServerExceptionMapper
    public Uni<Response> unavailable(ApiUnavailableException e) {
        return page(new ErrorView(503, e.upstream().serviceName() + " is not available",
                "The console could not get an answer: " + e.getMessage() + ". Try again in a moment.", e.requestId()));
    }

    @ServerExceptionMapper
    public Uni<Response> refused(ApiRefusedException e) {
        String service = e.upstream().serviceName();
        return page(switch (e.status()) {
            case 403 -> new ErrorView(403, "Not allowed", service + " says your role may not do this: " + e.getMessage(), null);
            case 404 -> new ErrorView(404, "Not found", "There is no such thing, or it is not yours to see.", null);
            case 429 -> new ErrorView(429, "Too many requests", service + " asks to slow down"
                    + (e.retryAfterSeconds() == null ? "" : "; try again in " + e.retryAfterSeconds() + " seconds") + ".", null);
            default -> new ErrorView(e.status() >= 400 && e.status() < 500 ? e.status() : 400, "Request refused",
                    service + " refused the request: " + e.getMessage(), null);
        });
    }

    @ServerExceptionMapper
    public Response sessionEnded(SessionEndedException e) {
        return Html.seeOther("/sign-in?reason=ended", cookies.clearSession());
    }

    @ServerExceptionMapper
    public Uni<Response> tooManySessions(TooManySessionsException e) {
        return page(new ErrorView(503, "Too many sessions", e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Uni<Response> web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return page(new ErrorView(status, status == 404 ? "Not found" : "Request refused",
                status == 404 ? "There is no such page." : "The console cannot handle this request (HTTP " + status + ").",
                null));
    }

    @ServerExceptionMapper
    public Uni<Response> unexpected(Throwable e) {
        LOG.error("a console page failed", e);
        return page(new ErrorView(500, "Something went wrong",
                "The console failed to show this page; the failure is in its log. Try again, or go back home.", null));
    }

    private Uni<Response> page(ErrorView error) {
        return Html.page(error.status(), template(error, current));
    }
}
