package dev.mercato.console.web;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The answers pages give: a rendered template with a status, or a redirect after a form (303, so the browser GETs). */
public final class Html {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private Html() {
    }

    public static Uni<Response> page(int status, TemplateInstance template, NewCookie... cookies) {
        return template.createUni().map(html -> Response.status(status).type(HTML).entity(html).cookie(cookies).build());
    }

    /** For filters, which answer synchronously. */
    public static Response pageNow(int status, TemplateInstance template) {
        return Response.status(status).type(HTML).entity(template.render()).build();
    }

    public static Response seeOther(String path, NewCookie... cookies) {
        return Response.seeOther(URI.create(path)).cookie(cookies).build();
    }
}
