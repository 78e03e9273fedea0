package dev.mercato.metering.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameBasedUuidsTest {

    @Test
    void makesWhatTheJdkMakes() {
        List<String> names = new ArrayList<>(List.of("", "\n", "org_v\nevt-1", "null\n0", "é€😀", "x".repeat(10_000)));
        Random random = new Random(20261205);
        for (int i = 0; i < 2_000; i++) {
            names.add(random.ints(random.nextInt(200), 0, 0x2_0000).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append).toString());
        }
        for (String name : names) {
            assertThat(NameBasedUuids.of(name)).as(name).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
