package dev.mercato.metering.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Derived ids never change between releases: a report sent again weeks later, after an upgrade, must name the same
 * events, or they would be counted twice.
 */
class EventIdsTest {

    @Test
    void namesEventsByNameBasedUuidsOfTheOrganizationShapeKeyAndPosition() {
        EventIds ids = EventIds.fromKey("org_vendor", "usage", "key-ä-1");
        String prefix = "mercato-metering\norg_vendor\nusage\nkey:key-ä-1";
        for (int index : new int[] { 0, 1, 9, 10, 99, 999, 0 }) {
            assertThat(ids.eventId(index)).isEqualTo(uuid(prefix + "\n" + index));
        }
        // One written out: the derivation itself, not only its agreement with the JDK's, is what must not change.
        assertThat(ids.eventId(7)).isEqualTo("80bcadf5-e8a8-3ffb-b463-330713c3cd8c");
    }

    @Test
    void namesAReportByItsEarliestEventTimeAndTheNameBasedUuidOfTheOrganizationShapeAndKey() {
        EventIds ids = EventIds.fromKey("org_vendor", "usage", "key-ä-1");
        Instant earliest = Instant.parse("2026-12-01T10:00:00.123Z");
        String name = uuid("mercato-metering\norg_vendor\nusage\nkey:key-ä-1"); // f8e6c747-c4ce-3d7d-9f86-853f7303c282

        String reportId = ids.reportId(earliest);

        // 48 bits of milliseconds (0x1a2310c017b), version 8, then the name-based UUID's bits after its version.
        assertThat(reportId).isEqualTo("01a2310c-017b-8d7d-9f86-853f7303c282");
        assertThat(reportId).endsWith(name.substring(15));
        assertThat(UUID.fromString(reportId).version()).isEqualTo(8);
        assertThat(UUID.fromString(reportId).variant()).isEqualTo(2);
        assertThat(EventIds.fromKey("org_vendor", "usage", "key-ä-1").reportId(earliest)).isEqualTo(reportId);
        assertThat(EventIds.fromKey("org_vendor", "usage", "key-ä-2").reportId(earliest)).isNotEqualTo(reportId);
    }

    @Test
    void reportIdsSortAsTheirTimesAndClampTimesOutsideFortyEightBits() {
        EventIds ids = EventIds.fromKey("org_vendor", "usage", "z");
        EventIds other = EventIds.fromKey("org_vendor", "usage", "a");
        Instant first = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(ids.reportId(first)).isLessThan(other.reportId(first.plusMillis(1)));
        assertThat(other.reportId(first)).isLessThan(ids.reportId(first.plusSeconds(86_400 * 365L)));
        assertThat(ids.reportId(Instant.parse("1960-01-01T00:00:00Z"))).startsWith("00000000-0000-8");
        assertThat(ids.reportId(Instant.MAX)).startsWith("ffffffff-ffff-8");
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
