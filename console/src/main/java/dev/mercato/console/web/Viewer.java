package dev.mercato.console.web;

import dev.mercato.console.session.Session;
import dev.mercato.console.session.TokenClaims;
import io.quarkus.qute.TemplateData;

/** Who is signed in, as the page frame shows it, and which parts of the console the token's scopes open. */
@TemplateData
public record Viewer(String role, String organizationKind, boolean mayReadApplications, boolean mayReadWebhooks,
        boolean mayReadOrganizations, boolean mayReadCatalog, boolean mayReadOffers, boolean mayReadOrders,
        boolean mayReadMetering, boolean mayReadBilling) {

    static Viewer of(Session session) {
        TokenClaims claims = session.claims();
        return new Viewer(claims.role(), claims.organizationKind(), claims.may("read:applications"),
                claims.may("read:webhooks"), claims.may("read:organizations") || claims.may("read:customers"),
                claims.may("read:catalog"), claims.may("read:private-offers"), claims.may("read:orders"),
                claims.may("read:metering"), claims.may("read:billing"));
    }
}
