package dev.mercato.console.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One attempt to deliver a message: its outcome, the receiver's status code and answer, or the error. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attempt(long id, Instant attemptedAt, String outcome, Integer statusCode, int durationMs,
        String responseExcerpt, String error) {
}
