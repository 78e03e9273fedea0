package dev.mercato.metering.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Derived ids never change between releases: a report sent again weeks later, after an upgrade, must name the same
 * events, or they would be counted twice.
 */
class EventIdsTest {

    @Test
    void namesAReportAndItsEventsByNameBasedUuidsOfTheOrganizationShapeKeyAndPosition() {
        EventIds ids = EventIds.fromKey("org_vendor", "usage", "key-ä-1");
        String prefix = "mercato-metering\norg_vendor\nusage\nkey:key-ä-1";
        assertThat(ids.reportId()).isEqualTo(uuid(prefix));
        for (int index : new int[] { 0, 1, 9, 10, 99, 999, 0 }) {
            assertThat(ids.eventId(index)).isEqualTo(uuid(prefix + "\n" + index));
        }
        // One written out: the derivation itself, not only its agreement with the JDK's, is what must not change.
        assertThat(ids.eventId(7)).isEqualTo("80bcadf5-e8a8-3ffb-b463-330713c3cd8c");
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
