package dev.mercato.console.web;

import dev.mercato.console.session.Session;
import io.quarkus.qute.TemplateData;

/**
 * What the layout around every page needs: the title, who is signed in (null on the sign-in page) and the CSRF token
 * of the sign-out form.
 */
@TemplateData
public record Frame(String title, Viewer viewer, String csrf) {

    public static Frame of(String title, Session session) {
        return session == null ? new Frame(title, null, "") : new Frame(title, Viewer.of(session), session.csrfToken());
    }

    public boolean signedIn() {
        return viewer != null;
    }
}
