package dev.mercato.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka broker (KRaft, one combined broker/controller node) inside the test JVM,
 * started once per JVM and shared by every test of a module. Not a mock: the same broker code
 * that runs in production, on a random local port.
 */
public final class EmbeddedKafka {

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafka() {
    }

    /** Starts the broker on first use; returns its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop, "embedded-kafka-stop"));
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        // The broker may call Exit.exit/halt on a fatal error, e.g. while the JVM shuts down; in the
        // test JVM that would end the surefire fork with a non-zero code after every test passed.
        Exit.setExitProcedure((status, message) -> System.err.println("embedded Kafka asked to exit(" + status
                + "): " + message + " — ignored in the test JVM"));
        Exit.setHaltProcedure((status, message) -> System.err.println("embedded Kafka asked to halt(" + status
                + "): " + message + " — ignored in the test JVM"));
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }

    private static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Throwable e) {
                // The JVM is going away; nothing useful to do.
            }
            cluster = null;
        }
    }
}
