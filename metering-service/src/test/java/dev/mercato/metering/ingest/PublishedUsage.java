package dev.mercato.metering.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.testkit.TestKafka;

/** Finds an accepted event on {@code metering.usage}, in the record of its report and customer that carries it. */
final class PublishedUsage {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    /** The record that carried an event, and the event as published. */
    record Found(ConsumerRecord<String, String> record, UsageEventV1 event) {
    }

    private PublishedUsage() {
    }

    static Found await(String eventId) {
        ConsumerRecord<String, String> record = TestKafka.awaitRecord(Topics.METERING_USAGE,
                r -> UsageAcceptedV2.TYPE.equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE))
                        && events(r).events().stream().anyMatch(event -> eventId.equals(event.id())),
                Duration.ofSeconds(20));
        return new Found(record, events(record).events().stream().filter(event -> eventId.equals(event.id())).findFirst().orElseThrow());
    }

    static UsageAcceptedV2 events(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), UsageAcceptedV2.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
