package dev.mercato.webhook.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.platform.tracing.StoredTrace;

/**
 * A public event to fan out: its type (from {@link EventCatalogue}), the id of the object it is about, the domain
 * event's data (the payload's {@code data} is made from it), and who may read the object.
 *
 * @param audience organization ids that may read the object (the customer, the vendor); nulls are dropped
 * @param soldAs product keys ({@code listing:…}, {@code article:…}, in order of preference) whose owner, when known,
 *        joins the audience: the vendor of what was sold
 * @param trace the trace the domain event was published in (empty when it was not traced)
 */
public record PublicEvent(String type, String subject, JsonNode source, String requestId, Instant occurredAt,
        List<String> audience, List<String> soldAs, StoredTrace trace) {

    public PublicEvent {
        audience = audience.stream().filter(Objects::nonNull).distinct().toList();
        soldAs = soldAs.stream().filter(Objects::nonNull).toList();
        trace = trace == null ? new StoredTrace(null, null) : trace;
    }

    PublicEvent withVendor(String vendorId) {
        if (vendorId == null) {
            return this;
        }
        List<String> members = new ArrayList<>(audience.size() + 1);
        members.add(vendorId);
        members.addAll(audience);
        return new PublicEvent(type, subject, source, requestId, occurredAt, members, List.of(), trace);
    }
}
