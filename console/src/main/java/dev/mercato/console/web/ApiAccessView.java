package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.identity.Application;

/**
 * Settings > Integrations > API Access: the applications the user sees, and the create form — the scopes and roles the
 * user's role may grant (as identity-service lists them), the values typed and the API's refusal of them, if any.
 */
public record ApiAccessView(List<Application> applications, long total, boolean mayWrite, List<Choice> scopes,
        List<Choice> roles, String name, String description, FormErrors errors, String notice) {
}
