package dev.mercato.testkit;

import java.lang.management.ManagementFactory;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka broker (KRaft, one combined broker/controller node) inside the test JVM,
 * started once per JVM and shared by every test of a module. Not a mock: the same broker code
 * that runs in production, on a random local port.
 *
 * <p>{@link #stopBroker()} and {@link #startBroker()} take the broker down and bring it back on the
 * same port with its data, as an outage would: clients see refused connections, then reconnect.
 */
public final class EmbeddedKafka {

    // The test resource that starts the broker and the tests that stop it may live in different
    // class loaders, so they meet through a JVM-wide MBean rather than this class's static field.
    private static final String CONTROL_NAME = "dev.mercato.testkit:type=EmbeddedKafka";

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafka() {
    }

    /** Starts the broker on first use; returns its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop, "embedded-kafka-stop"));
            registerControl();
        }
        return cluster.bootstrapServers();
    }

    /** Stops the broker of this JVM (the controller stays up); its port refuses connections until {@link #startBroker()}. */
    public static void stopBroker() {
        control("stopBroker");
    }

    /** Starts the stopped broker again on the same port, with the data it had, and waits until it serves. */
    public static void startBroker() {
        control("startBroker");
    }

    /** What the MBean offers: the broker of the class loader that started it. */
    public interface ControlMBean {
        void stopBroker();

        void startBroker();
    }

    /** The MBean itself. */
    public static final class Control implements ControlMBean {
        @Override
        public void stopBroker() {
            shutdownBrokers();
        }

        @Override
        public void startBroker() {
            startupBrokers();
        }
    }

    private static void registerControl() {
        try {
            ObjectName name = new ObjectName(CONTROL_NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (!server.isRegistered(name)) {
                server.registerMBean(new Control(), name);
            }
        } catch (JMException e) {
            throw new IllegalStateException("could not register the embedded broker's control", e);
        }
    }

    private static void control(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL_NAME), operation, null, null);
        } catch (InstanceNotFoundException e) {
            throw new IllegalStateException("no embedded Kafka broker runs in this JVM", e);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + ": " + e.getMessage(), e);
        }
    }

    private static synchronized void shutdownBrokers() {
        cluster.brokers().values().forEach(broker -> broker.shutdown());
        cluster.brokers().values().forEach(broker -> broker.awaitShutdown());
    }

    private static synchronized void startupBrokers() {
        try {
            cluster.brokers().values().forEach(broker -> broker.startup());
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker again", e);
        }
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
