package dev.mercato.billing.readmodel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.messaging.PoisonEventException;

/** Small helpers the projectors share: JSON columns and array columns from snapshot fields. */
final class Snapshots {

    private Snapshots() {
    }

    static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("a snapshot field cannot be written as JSON", e);
        }
    }

    static Map<String, BigDecimal> prices(Map<String, BigDecimal> prices) {
        return prices == null ? Map.of() : prices;
    }

    /** A text[] literal for PostgreSQL ({@code {"a","b"}}), quoting every element. */
    static String textArray(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "{}";
        }
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
