package dev.mercato.webhook.delivery;

/** The answer to "save and test": the test message's id and how its attempt went. */
public record TestResult(String deliveryId, boolean succeeded, Integer statusCode, int durationMs, String responseExcerpt,
        String error) {
}
