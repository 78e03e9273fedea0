package dev.mercato.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class WriteConflictsTest {

    @Test
    void aSerializationFailureOrDeadlockIsALostRaceAndAFailureWithoutSqlStateIsNot() {
        assertThat(WriteConflicts.isLostRace(new RuntimeException(new PgException("could not serialize", "ERROR", "40001",
                null)))).isTrue();
        assertThat(WriteConflicts.isLostRace(new PgException("deadlock detected", "ERROR", "40P01", null))).isTrue();
        assertThat(WriteConflicts.isLostRace(new IllegalStateException("Pool closed"))).isFalse();
        assertThat(WriteConflicts.isLostRace(new PgException("syntax error", "ERROR", "42601", null))).isFalse();
    }
}
