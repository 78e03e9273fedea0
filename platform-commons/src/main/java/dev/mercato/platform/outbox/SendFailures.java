package dev.mercato.platform.outbox;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;

/**
 * Tells a send failure that is about one record and will never go away (the record is too large,
 * its topic name is invalid, it cannot be serialized: Kafka's non-retriable errors) from one that is
 * about Kafka or the producer as a whole and may heal (broker down, timeouts, leader elections, a
 * fenced or unauthenticated producer). The first kind marks the row failed; the second retries it.
 */
final class SendFailures {

    private SendFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SerializationException) {
            return true;
        }
        if (!(cause instanceof ApiException) || cause instanceof RetriableException) {
            return false;
        }
        // Non-retriable, but about the producer or the cluster, not this record: every other row would
        // fail the same way, so marking rows failed would only move the outage into the table.
        return !(cause instanceof AuthenticationException || cause instanceof ClusterAuthorizationException
                || cause instanceof ProducerFencedException || cause instanceof OutOfOrderSequenceException
                || cause instanceof UnknownProducerIdException || cause instanceof InvalidProducerEpochException);
    }

    /** A short reason to store with the row: the exception's name and message (Kafka's never contain the payload). */
    static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || (cause instanceof KafkaException && cause.getClass() == KafkaException.class))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
