package dev.mercato.platform.persistence;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Vacuuming of the service's queue tables by the service itself, for servers that run without autovacuum.
 * Environment: {@code MERCATO_VACUUM_…}.
 *
 * <ul>
 * <li>{@code mercato.vacuum.mode} (auto): {@code auto} vacuums only when the server's {@code autovacuum} is off,
 * {@code always} whatever it is, {@code off} never.</li>
 * <li>{@code mercato.vacuum.tables} (outbox_event,processed_event): the tables whose rows are updated and deleted all
 * day; a service adds its own queues.</li>
 * <li>{@code mercato.vacuum.interval} (PT15S): how often their dead rows are looked at.</li>
 * <li>{@code mercato.vacuum.min-dead-rows} (1000): a table with fewer dead rows is left alone.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.vacuum")
public interface VacuumConfig {

    /** When the service vacuums its queue tables itself. */
    @WithDefault("auto")
    Mode mode();

    /** The tables to keep free of dead rows: lower-case SQL identifiers of this service's schema. */
    @WithDefault("outbox_event,processed_event")
    List<String> tables();

    /** How often the tables' dead rows are counted (and, past {@link #minDeadRows()}, vacuumed). */
    @WithDefault("PT15S")
    Duration interval();

    /** Dead rows a table must have before it is vacuumed. */
    @WithDefault("1000")
    long minDeadRows();

    enum Mode {
        AUTO, ALWAYS, OFF
    }
}
