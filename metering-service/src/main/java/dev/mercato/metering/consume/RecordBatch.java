package dev.mercato.metering.consume;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.mercato.platform.messaging.PoisonEventException;

/**
 * What a {@link BatchConsumer} gathers for one database transaction: what the transaction needs of each record, read by
 * the subclass, and the offsets to commit once it has, every record's (poison ones too: they were dead-lettered first).
 */
public abstract class RecordBatch {

    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private int records;

    /**
     * Takes what the transaction needs of {@code record}.
     *
     * @return null, or why part of the record cannot be used: it goes to the dead-letter topic whole, and what could be
     *         read stays in the batch
     * @throws PoisonEventException when nothing of the record can be used
     */
    protected abstract String read(ConsumerRecord<String, byte[]> record);

    /** What the consumer's {@code max-batch} bounds: the events or reports read so far, repeats included. */
    public abstract int size();

    final void consumed(ConsumerRecord<String, byte[]> record) {
        records++;
        offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    final boolean isEmpty() {
        return records == 0;
    }

    final Map<TopicPartition, OffsetAndMetadata> offsets() {
        return offsets;
    }
}
