package dev.mercato.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_764_806_400_123L;
        UUID id = EventIds.next(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).as("RFC 9562's variant").isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(UUID.fromString(EventIds.next())).satisfies(parsed -> assertThat(parsed.version()).isEqualTo(7));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        List<String> ids = new ArrayList<>();
        for (long millis = 1_764_806_400_000L; millis < 1_764_806_400_000L + 5_000; millis += 7) {
            ids.add(EventIds.next(millis).toString());
        }
        assertThat(ids).isSorted();
    }

    @Test
    void idsOfOneMillisecondDoNotCollide() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next(1_764_806_400_000L).toString());
        }
        assertThat(ids).hasSize(100_000);
    }
}
