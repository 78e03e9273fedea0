package dev.mercato.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void givesUpOnARecordKafkaCanNeverTake() {
        assertThat(SendFailures.isPermanent(new ExecutionException(new RecordTooLargeException("too large")))).isTrue();
        assertThat(SendFailures.isPermanent(new InvalidTopicException("bad name"))).isTrue();
        assertThat(SendFailures.isPermanent(new SerializationException("cannot serialize"))).isTrue();
        assertThat(SendFailures.isPermanent(new KafkaException(new RecordTooLargeException("wrapped")))).isTrue();
        assertThat(SendFailures.isPermanent(new TopicAuthorizationException("not this topic"))).isTrue();
    }

    @Test
    void retriesWhatIsAboutKafkaOrTheProducerRatherThanTheRecord() {
        assertThat(SendFailures.isPermanent(new ExecutionException(new TimeoutException("broker down")))).isFalse();
        assertThat(SendFailures.isPermanent(new NotLeaderOrFollowerException("election"))).isFalse();
        assertThat(SendFailures.isPermanent(new AuthenticationException("bad credentials"))).isFalse();
        assertThat(SendFailures.isPermanent(new ProducerFencedException("fenced"))).isFalse();
        assertThat(SendFailures.isPermanent(new KafkaException("producer closed"))).isFalse();
        assertThat(SendFailures.isPermanent(new IllegalStateException("anything else"))).isFalse();
    }

    @Test
    void storesTheExceptionNameAndMessageAsTheReason() {
        assertThat(SendFailures.reason(new ExecutionException(new RecordTooLargeException("The message is 2097463 bytes"))))
                .isEqualTo("RecordTooLargeException: The message is 2097463 bytes");
        assertThat(SendFailures.reason(new InvalidTopicException("x".repeat(2000)))).hasSize(1000);
    }
}
