package dev.mercato.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mercato.console.identity.RoleGrant;

/**
 * What a new credential (an application, an API key) may be given, as the create forms offer it: the scopes the user's
 * own role may grant and, besides that role, the reader roles of the same organization kind — as identity lists them
 * ({@code GET /api/v1/roles}); identity still decides.
 */
record Grants(List<Choice> scopes, List<Choice> roles) {

    static Grants of(List<RoleGrant> grants, String myRole, Set<String> chosenScopes, String chosenRole) {
        List<Choice> scopeChoices = new ArrayList<>();
        List<Choice> roleChoices = new ArrayList<>();
        for (RoleGrant grant : grants) {
            if (grant.name().equals(myRole)) {
                grant.allowedScopes().forEach(scope -> scopeChoices.add(new Choice(scope, scope, "", chosenScopes.contains(scope))));
                roleChoices.add(0, new Choice("", grant.name(), "your role", chosenRole == null || chosenRole.isBlank()));
            } else if (grant.reader()) {
                roleChoices.add(new Choice(grant.name(), grant.name(), "reads only", grant.name().equals(chosenRole)));
            }
        }
        return new Grants(List.copyOf(scopeChoices), List.copyOf(roleChoices));
    }
}
