package dev.mercato.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8BodiesTest {

    @Test
    void takesAsciiAndWellFormedUtf8() {
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(utf8("{\"name\": \"Mercato\"}"))).isTrue();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(utf8("{\"name\": \"Jyväskylä 🚀\"}"))).isTrue();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(new byte[0])).isTrue();
    }

    @Test
    void refusesNulBytesAndWhatIsNotUtf8() {
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(bytes('{', 0, '}'))).as("NUL").isFalse();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(bytes('"', 0xC0, 0xAF, '"'))).as("overlong /").isFalse();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(bytes('"', 0xED, 0xA0, 0x80, '"'))).as("surrogate").isFalse();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(bytes('"', 0xE4, '"'))).as("Latin-1 ä").isFalse();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(bytes('"', 0xF4, 0x90, 0x80, 0x80, '"'))).as("beyond U+10FFFF").isFalse();
        assertThat(StrictUtf8Bodies.isUtf8WithoutNul(utf8("{\"a\": \"ä\"}\u0000"))).as("NUL after non-ASCII").isFalse();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
