package dev.mercato.metering.marketplace;

import java.util.Map;

import dev.mercato.testkit.marketplace.AwsMeteringSimulator;
import dev.mercato.testkit.marketplace.AzureMeteringSimulator;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Both marketplaces simulated in the test JVM, and the service's endpoints pointing at them. */
public class MarketplaceSimulators implements QuarkusTestProfile {

    static final String PRODUCT_CODE = "prod-mercato-flex";
    static final AwsMeteringSimulator AWS = new AwsMeteringSimulator(PRODUCT_CODE);
    static final AzureMeteringSimulator AZURE = new AzureMeteringSimulator();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mercato.metering.marketplace.aws.endpoint", AWS.endpoint().toString(),
                "mercato.metering.marketplace.azure.endpoint", AZURE.endpoint().toString(),
                "mercato.metering.marketplace.azure.token", "test-token");
    }
}
