package dev.mercato.platform.outbox;

import java.util.List;

/**
 * What Kafka made of one batch: the rows it acknowledged, the rows it refused for good (with the
 * reason), and the first transient failure, if any (the rows it concerns, and those not sent after
 * it, stay pending).
 */
record SendResult(List<Long> published, List<Failed> failed, Throwable transientFailure) {

    /** A row Kafka refused for good. */
    record Failed(PendingEvent event, String reason) {
    }
}
