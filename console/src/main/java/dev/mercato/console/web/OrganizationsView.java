package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.identity.Organization;
import dev.mercato.console.identity.OrganizationKind;

/**
 * Organizations of one kind: the kinds the user may read (tabs), one page of this kind with its filters, the kind
 * below it a row links to (null when none or not readable), and the create form when the role may create.
 */
public record OrganizationsView(OrganizationKind kind, List<OrganizationKind> kinds, List<Organization> organizations,
        Pager pager, ListFilters filters, boolean mayWrite, OrganizationKind childKind, FormValues form,
        FormErrors errors, String notice) {

    /** This list's page. */
    public String path() {
        return OrganizationsResource.PATH + "/" + kind.collection();
    }

    /** The statuses an organization can have, to filter on. */
    public List<Choice> statuses() {
        return Choice.among(filters.value("status"), "ACTIVE", "INACTIVE", "SUSPENDED");
    }
}
