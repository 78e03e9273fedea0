package dev.mercato.console.web;

import dev.mercato.console.identity.Organization;
import dev.mercato.console.identity.OrganizationKind;

/** One organization: its fields, the edit form (values and refusal) and suspend or reactivate when the role may. */
public record OrganizationView(OrganizationKind kind, Organization organization, boolean mayWrite,
        OrganizationKind childKind, FormValues form, FormErrors errors, String notice) {

    /** This organization's page. */
    public String path() {
        return OrganizationsResource.detailPath(kind, organization.id());
    }
}
