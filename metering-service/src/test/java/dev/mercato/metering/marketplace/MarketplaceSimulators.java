package dev.mercato.metering.marketplace;

import java.util.Map;

import dev.mercato.testkit.marketplace.AwsMeteringSimulator;
import dev.mercato.testkit.marketplace.AzureMeteringSimulator;
import dev.mercato.testkit.marketplace.MeteringSimulator;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Both marketplaces simulated in the test JVM, and the service's endpoints pointing at them. The profile is read
 * in another class loader than the test runs in, so the two meet on ports reserved in system properties: the
 * profile names them, the test starts its simulators on them ({@link #aws()}, {@link #azure()}).
 */
public class MarketplaceSimulators implements QuarkusTestProfile {

    static final String PRODUCT_CODE = "prod-mercato-flex";
    private static final String AWS_PORT = "mercato.test.aws-metering-port";
    private static final String AZURE_PORT = "mercato.test.azure-metering-port";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mercato.metering.marketplace.aws.endpoint", "http://127.0.0.1:" + port(AWS_PORT),
                "mercato.metering.marketplace.azure.endpoint", "http://127.0.0.1:" + port(AZURE_PORT),
                "mercato.metering.marketplace.azure.token", "test-token");
    }

    static AwsMeteringSimulator aws() {
        return new AwsMeteringSimulator(port(AWS_PORT), PRODUCT_CODE);
    }

    static AzureMeteringSimulator azure() {
        return new AzureMeteringSimulator(port(AZURE_PORT));
    }

    private static synchronized int port(String property) {
        String reserved = System.getProperty(property);
        if (reserved == null) {
            reserved = String.valueOf(MeteringSimulator.freePort());
            System.setProperty(property, reserved);
        }
        return Integer.parseInt(reserved);
    }
}
