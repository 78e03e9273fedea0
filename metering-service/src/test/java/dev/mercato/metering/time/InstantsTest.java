package dev.mercato.metering.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Event timestamps: the common UTC form is read without a formatter, exactly as the formatter would read it. */
class InstantsTest {

    @Test
    void readsUtcInstantsWithAndWithoutFractions() {
        assertThat(Instants.parse("2026-12-01T10:00:00Z")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(Instants.parse("2026-12-01T10:00:00.5Z")).isEqualTo(Instant.parse("2026-12-01T10:00:00.500Z"));
        assertThat(Instants.parse("2026-12-01T10:00:00.123456789Z"))
                .isEqualTo(Instant.parse("2026-12-01T10:00:00.123456789Z"));
        assertThat(Instants.parse("2026-12-01T12:00:00+02:00")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        for (String text : new String[] { "2026-02-30T10:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01 10:00:00Z",
                "2026-12-01T10:00:00.1234567890Z", "2026-12-01T10:00:00", "2026-12-01",
                "２026-12-01T10:00:00Z", "2026-12-01T10:0a:00Z", "yesterday", "" }) {
            assertThat(Instants.parse(text)).as(text).isNull();
        }
    }
}
