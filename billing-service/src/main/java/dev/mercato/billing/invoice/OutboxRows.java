package dev.mercato.billing.invoice;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.id.EventIds;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox ({@code outbox_event}, relayed by platform-commons' {@code OutboxRelay}) written on a reactive
 * SQL connection, in batches: billing changes thousands of invoices in one transaction, which the
 * one-entity-at-a-time {@link Outbox} of Hibernate sessions would make slow. Same rows, same notification.
 */
@ApplicationScoped
public class OutboxRows {

    private final ObjectMapper json;
    private final String source;

    public OutboxRows(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.source = "/mercato/" + applicationName;
    }

    /** An event to store: the topic, its key (and subject), its versioned type and its body. */
    public record Pending(String topic, String key, String type, Object payload) {
    }

    /** Stores {@code events} in the transaction of {@code connection}; the relay sends them after commit. */
    public Uni<Void> publish(SqlConnection connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String requestId = RequestIds.current();
        List<Tuple> rows = new ArrayList<>(events.size());
        for (Pending event : events) {
            rows.add(Tuple.tuple(List.of(EventIds.next(), event.topic(), event.key(), event.type(), source,
                    event.key(), now, toJson(event.payload()))).addString(requestId));
        }
        return connection.preparedQuery("""
                insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload,
                    request_id)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""").executeBatch(rows)
                .replaceWithVoid(); // outbox_event's insert trigger wakes the relay
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
