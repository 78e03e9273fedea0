package dev.mercato.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.mercato.platform.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

/**
 * The relay's Kafka producer: sends a batch of outbox rows in order and reports, row by row, what
 * Kafka acknowledged ({@code acks=all}, idempotent, so records of one partition land in order and
 * once per send). Blocking: it runs on the relay's own thread, never on an event loop. A row written in a traced
 * request or event is sent in an "outbox publish" span, child of that trace, whose context the record carries.
 */
final class OutboxSender implements AutoCloseable {

    private static final int DELIVERY_TIMEOUT_MS = 30_000;

    private final KafkaProducer<String, byte[]> producer;
    private final TraceContexts traces;

    OutboxSender(Object bootstrapServers, Duration linger, TraceContexts traces) {
        this.traces = traces;
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // A send blocks at most this long for a topic's metadata (an unknown topic, Kafka down).
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code batch} in order and waits for every answer. */
    SendResult send(List<PendingEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        List<SendResult.Failed> failed = new ArrayList<>();
        Throwable transientFailure = null;
        for (PendingEvent event : batch) {
            Span span = publishSpan(event);
            spans.add(span);
            ProducerRecord<String, byte[]> record = event.toRecord();
            traces.inject(span, record.headers());
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(record);
            } catch (KafkaException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (ack.isDone() && failureOf(ack) != null && !SendFailures.isPermanent(failureOf(ack))) {
                // Failed before leaving the client (no metadata within max.block.ms): the rows after it
                // would each wait as long, and would overtake it. They stay pending for the next round.
                break;
            }
        }
        List<Long> published = new ArrayList<>(acks.size());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELIVERY_TIMEOUT_MS + 5_000);
        for (int i = 0; i < acks.size(); i++) {
            PendingEvent event = batch.get(i);
            Span span = spans.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(event.id());
            } catch (ExecutionException e) {
                span.recordException(e.getCause()).setStatus(StatusCode.ERROR);
                if (SendFailures.isPermanent(e.getCause())) {
                    failed.add(new SendResult.Failed(event, SendFailures.reason(e.getCause())));
                } else if (transientFailure == null) {
                    transientFailure = e.getCause();
                }
            } catch (TimeoutException e) {
                span.setStatus(StatusCode.ERROR, "no answer from Kafka");
                if (transientFailure == null) {
                    transientFailure = e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                span.setStatus(StatusCode.ERROR, "interrupted");
                if (transientFailure == null) {
                    transientFailure = e;
                }
            } finally {
                span.end();
            }
        }
        return new SendResult(published, failed, transientFailure);
    }

    /** The span of one row's publication, child of the trace that wrote it; the invalid span when none did. */
    private Span publishSpan(PendingEvent event) {
        return traces.startChild("outbox publish " + event.topic(), SpanKind.PRODUCER, event.trace())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.eventId())
                .setAttribute("mercato.outbox.id", event.id());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return null;
        }
    }

}
