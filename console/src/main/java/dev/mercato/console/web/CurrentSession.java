package dev.mercato.console.web;

import jakarta.enterprise.context.RequestScoped;

import dev.mercato.console.session.Session;

/** The session of the request being handled, found by {@link SessionFilter}; null before sign-in. */
@RequestScoped
public class CurrentSession {

    private Session session;

    public Session get() {
        return session;
    }

    /** The session of a page that requires one ({@link SessionFilter} sent everyone else to sign-in). */
    public Session required() {
        if (session == null) {
            throw new IllegalStateException("this page is only reached with a session");
        }
        return session;
    }

    void set(Session session) {
        this.session = session;
    }
}
