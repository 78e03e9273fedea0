package dev.mercato.console.web;

/** One checkbox or option of a form: the value sent, its label, a line that explains it, whether it is chosen. */
public record Choice(String value, String label, String description, boolean chosen) {
}
