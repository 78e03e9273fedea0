package dev.mercato.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.FieldError;

/**
 * An API's refusal of a form, sorted for the page: the messages of the form's own fields go next to them, the rest
 * (and the API's one-sentence message) above the form.
 */
public record FormErrors(Map<String, String> fields, List<String> general) {

    public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    /** True for an API's refusal of invalid input (400), which the form shows; anything else is an error page. */
    public static boolean invalidInput(Throwable failure) {
        return failure instanceof ApiRefusedException refusal && refusal.status() == 400;
    }

    /**
     * True for a refusal of what a form sent: invalid input (400), or input the API cannot act on (422, e.g. an order
     * that breaks a business rule), both naming their fields.
     */
    public static boolean refusedInput(Throwable failure) {
        return failure instanceof ApiRefusedException refusal && (refusal.status() == 400 || refusal.status() == 422);
    }

    public static FormErrors of(ApiRefusedException refusal, Set<String> formFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        general.add(refusal.getMessage());
        for (FieldError error : refusal.errors()) {
            if (formFields.contains(error.field())) {
                fields.merge(error.field(), error.message(), (first, next) -> first + "; " + next);
            } else {
                general.add(error.field().isEmpty() ? error.message() : error.field() + ": " + error.message());
            }
        }
        return new FormErrors(Map.copyOf(fields), List.copyOf(general));
    }

    public boolean any() {
        return !general.isEmpty() || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.getOrDefault(field, "");
    }
}
