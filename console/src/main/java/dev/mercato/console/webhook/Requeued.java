package dev.mercato.console.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer to a redelivery or a replay: how many messages were queued to be sent again. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Requeued(int queued) {
}
