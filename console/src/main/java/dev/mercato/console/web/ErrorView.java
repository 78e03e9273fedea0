package dev.mercato.console.web;

/** An error page: its status, a heading, one sentence on what happened and what to do, the upstream request id if any. */
public record ErrorView(int status, String heading, String message, String requestId) {
}
