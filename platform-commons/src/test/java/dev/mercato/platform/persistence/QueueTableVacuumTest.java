package dev.mercato.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The configured table names are written into the statement, so only plain identifiers are taken; a table is
 * vacuumed, analysed or both, as it is due.
 */
class QueueTableVacuumTest {

    @Test
    void plainTableNamesAreTakenStripped() {
        assertThat(QueueTableVacuum.tables(List.of(" outbox_event", "webhook_message "))).containsExactly("outbox_event",
                "webhook_message");
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        for (String name : List.of("outbox_event; drop table x", "Outbox", "public.outbox_event", "\"q\"", "")) {
            assertThatThrownBy(() -> QueueTableVacuum.tables(List.of(name))).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mercato.vacuum.tables");
        }
    }

    @Test
    void aTableIsVacuumedAnalysedOrBothAsItIsDue() {
        assertThat(new QueueTableVacuum.Due("outbox_event", true, true).statement())
                .isEqualTo("vacuum (analyze, truncate false) outbox_event");
        assertThat(new QueueTableVacuum.Due("outbox_event", true, false).statement())
                .isEqualTo("vacuum (truncate false) outbox_event");
        assertThat(new QueueTableVacuum.Due("outbox_event", false, true).statement()).isEqualTo("analyze outbox_event");
    }
}
