package dev.mercato.webhook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;

/** A test class's marketplace, published into the directory, and a real receiver on loopback, for all its tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WithMarketplaceAndReceiver {

    protected TestMarketplace organizations;
    protected Receiver receiver;

    @BeforeAll
    void publishMarketplaceAndStartReceiver() {
        organizations = TestMarketplace.published();
        receiver = new Receiver();
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }
}
