package dev.mercato.metering.ingest;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A usage quantity as the caller sent it: a JSON number or a numeric string, read exactly as a decimal
 * ({@code value}); anything else (text, true, an object) has no value, and the event is rejected on its
 * own instead of failing the whole request. A number Jackson cannot read at all (longer than its limits) is
 * still a malformed body.
 */
@JsonDeserialize(using = Quantity.Reader.class)
public record Quantity(BigDecimal value) {

    static final Quantity NOT_A_NUMBER = new Quantity(null);

    public static Quantity of(String number) {
        return new Quantity(new BigDecimal(number));
    }

    /** Reads a {@link Quantity} from any JSON value. */
    static final class Reader extends JsonDeserializer<Quantity> {

        @Override
        public Quantity deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Quantity(parser.getDecimalValue());
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText().strip();
                if (text.length() <= 100 && text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
                    return new Quantity(new BigDecimal(text));
                }
                return NOT_A_NUMBER;
            }
            parser.skipChildren();
            return NOT_A_NUMBER;
        }

        @Override
        public Quantity getNullValue(DeserializationContext context) {
            return null;
        }
    }
}
