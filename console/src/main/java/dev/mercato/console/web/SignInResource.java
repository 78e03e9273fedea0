package dev.mercato.console.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.List;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.session.FederatedSignIn;
import dev.mercato.console.session.FederatedSignIn.FederatedSignInException;
import dev.mercato.console.session.FederatedSignIn.Provider;
import dev.mercato.console.session.IdentityAuth;
import dev.mercato.console.session.Session;
import dev.mercato.console.session.SessionCookies;
import dev.mercato.console.session.SessionStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sign-in with e-mail and password (identity-service's login) or with a configured OpenID provider
 * ({@link FederatedSignIn}), and sign-out. Signing in opens a new session (never one the browser brought); signing out
 * ends it here and revokes its refresh token at identity-service. identity-service throttles sign-ins per source
 * address, so the browser's address goes with them ({@code X-Forwarded-For}).
 */
@Path("/")
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(Frame frame, String email, String csrf, String message,
                List<Provider> providers);

        static native TemplateInstance signedIn(Frame frame);
    }

    private final IdentityAuth identity;
    private final SessionStore store;
    private final SessionCookies cookies;
    private final CurrentSession current;
    private final FederatedSignIn federated;

    public SignInResource(IdentityAuth identity, SessionStore store, SessionCookies cookies, CurrentSession current,
            FederatedSignIn federated) {
        this.identity = identity;
        this.store = store;
        this.cookies = cookies;
        this.current = current;
        this.federated = federated;
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
        return Html.page(200, signInPage("", token, message), cookies.signIn(token));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam(CsrfFilter.FIELD) String csrf, @Context HttpServerRequest request) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty() || password == null || password.isEmpty()) {
            return Html.page(400, signInPage(typed, csrf, "Enter your e-mail address and your password."));
        }
        return identity.login(typed, password, clientAddress(request))
                .map(tokens -> {
                    SessionStore.Opened opened = store.open(tokens);
                    return Html.seeOther("/", cookies.session(opened.cookieValue()), cookies.clearSignIn());
                })
                .onFailure(ApiRefusedException.class).recoverWithUni(failure -> Html.page(
                        ((ApiRefusedException) failure).status(),
                        signInPage(typed, csrf, refusalMessage((ApiRefusedException) failure))));
    }

    /** Sends the browser to the provider, with the cookie that binds the attempt to it. */
    @GET
    @Path("sign-in/federated/{provider}")
    public Uni<Response> startFederated(@PathParam("provider") String provider) {
        if (current.get() != null) {
            return Uni.createFrom().item(Html.seeOther("/"));
        }
        if (federated.label(provider) == null) {
            throw new NotFoundException();
        }
        return federated.start(provider)
                .map(started -> Html.seeOther(started.authorizationUrl(),
                        cookies.federated(started.binding(), FederatedSignIn.LIFETIME_MINUTES * 60)))
                .onFailure(FederatedSignInException.class).recoverWithUni(this::federatedRefused);
    }

    /**
     * Where the provider sends the browser back: the code is exchanged for an ID token, identity-service signs the user
     * in with it. The session cookie is SameSite=Strict, which a browser does not send on a navigation that came from
     * another site, redirects included; so this answers a page that moves on to home from the console's own site.
     */
    @GET
    @Path("sign-in/federated/{provider}/callback")
    public Uni<Response> finishFederated(@PathParam("provider") String provider, @QueryParam("state") String state,
            @QueryParam("code") String code, @QueryParam("error") String error,
            @QueryParam("error_description") String errorDescription, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        if (federated.label(provider) == null) {
            throw new NotFoundException();
        }
        Cookie binding = headers.getCookies().get(cookies.federatedName());
        Uni<String> idToken = error != null ? federated.refused(provider, state, error, errorDescription)
                : federated.finish(provider, state, code, binding == null ? null : binding.getValue());
        return idToken.chain(token -> identity.federated(token, provider, clientAddress(request)))
                .chain(tokens -> {
                    SessionStore.Opened opened = store.open(tokens);
                    return Html.page(200, Templates.signedIn(Frame.of("Signed in", null)),
                            cookies.session(opened.cookieValue()), cookies.clearFederated(), cookies.clearSignIn())
                            .map(page -> Response.fromResponse(page).header("Refresh", "0; url=/").build());
                })
                .onFailure(FederatedSignInException.class).recoverWithUni(this::federatedRefused)
                .onFailure(ApiRefusedException.class).recoverWithUni(failure -> federatedRefused(
                        ((ApiRefusedException) failure).status(), refusalMessage((ApiRefusedException) failure)));
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

    private Uni<Response> federatedRefused(Throwable failure) {
        return federatedRefused(((FederatedSignInException) failure).status(), failure.getMessage());
    }

    /** The sign-in page saying why, ready for a password sign-in, the attempt's cookie gone. */
    private Uni<Response> federatedRefused(int status, String message) {
        String token = SessionStore.randomToken();
        return Html.page(status, signInPage("", token, message), cookies.clearFederated(), cookies.signIn(token));
    }

    private TemplateInstance signInPage(String email, String csrf, String message) {
        return Templates.signIn(Frame.of("Sign in", null), email, csrf, message, federated.providers());
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String refusalMessage(ApiRefusedException refusal) {
        if (refusal.status() == 429 && refusal.retryAfterSeconds() != null) {
            return refusal.getMessage() + " (in about " + Math.max(1, refusal.retryAfterSeconds() / 60) + " minutes).";
        }
        return refusal.getMessage();
    }
}
