package dev.mercato.console.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.session.IdentityAuth;
import dev.mercato.console.session.Session;
import dev.mercato.console.session.SessionCookies;
import dev.mercato.console.session.SessionStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Sign-in with e-mail and password (identity-service's login) and sign-out. Signing in opens a new session (never one
 * the browser brought); signing out ends it here and revokes its refresh token at identity-service.
 */
@Path("/")
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(Frame frame, String email, String csrf, String message);
    }

    private final IdentityAuth identity;
    private final SessionStore store;
    private final SessionCookies cookies;
    private final CurrentSession current;

    public SignInResource(IdentityAuth identity, SessionStore store, SessionCookies cookies, CurrentSession current) {
        this.identity = identity;
        this.store = store;
        this.cookies = cookies;
        this.current = current;
    }

    @GET
    @Path("sign-in")
    public Uni<Response> form(@QueryParam("reason") String reason, @Context HttpHeaders headers) {
        if (current.get() != null) {
            return Uni.createFrom().item(Html.seeOther("/"));
        }
        Cookie brought = headers.getCookies().get(cookies.signInName());
        String token = brought == null ? null : brought.getValue();
        if (token == null || token.length() != SessionStore.randomToken().length()) {
            token = SessionStore.randomToken();
        }
        String message = "ended".equals(reason) ? "Your session has ended; sign in again."
                : "signed-out".equals(reason) ? "You have signed out." : null;
        return Html.page(200, Templates.signIn(Frame.of("Sign in", null), "", token, message), cookies.signIn(token));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam(CsrfFilter.FIELD) String csrf) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty() || password == null || password.isEmpty()) {
            return Html.page(400, Templates.signIn(Frame.of("Sign in", null), typed, csrf,
                    "Enter your e-mail address and your password."));
        }
        return identity.login(typed, password)
                .map(tokens -> {
                    SessionStore.Opened opened = store.open(tokens);
                    return Html.seeOther("/", cookies.session(opened.cookieValue()), cookies.clearSignIn());
                })
                .onFailure(ApiRefusedException.class).recoverWithUni(failure -> Html.page(
                        ((ApiRefusedException) failure).status(),
                        Templates.signIn(Frame.of("Sign in", null), typed, csrf, refusalMessage((ApiRefusedException) failure))));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        store.close(session);
        NewCookie cleared = cookies.clearSession();
        return identity.revoke(session.tokens().refreshToken()).map(ignored -> Html.seeOther("/sign-in?reason=signed-out", cleared));
    }

    private static String refusalMessage(ApiRefusedException refusal) {
        if (refusal.status() == 429 && refusal.retryAfterSeconds() != null) {
            return refusal.getMessage() + " (in about " + Math.max(1, refusal.retryAfterSeconds() / 60) + " minutes).";
        }
        return refusal.getMessage();
    }
}
