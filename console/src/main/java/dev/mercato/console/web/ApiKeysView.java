package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.identity.ApiKey;

/**
 * Settings > Integrations > API Access > API keys: one page of the keys the user sees (by status, in the order chosen), and the create form
 * — the scopes and roles the user's role may grant, the values typed and the API's refusal of them, if any.
 */
public record ApiKeysView(List<ApiKey> keys, Pager pager, ListFilters filters, boolean mayWrite, List<Choice> scopes,
        List<Choice> roles, String name, FormErrors errors, String notice) {

    public List<Choice> statuses() {
        return Choice.among(filters.value("status"), "ACTIVE", "REVOKED");
    }

    /** One key: what the API shows of it, and the rename form with the name typed and the API's refusal of it. */
    public record One(ApiKey key, String path, boolean mayWrite, String name, FormErrors errors, String notice) {
    }
}
