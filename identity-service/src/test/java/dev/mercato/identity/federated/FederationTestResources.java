package dev.mercato.identity.federated;

import io.quarkus.test.common.QuarkusTestResource;

/** Starts {@link LocalOpenIdIssuer} for the module's tests (it applies to all, so Quarkus still boots once). */
@QuarkusTestResource(LocalOpenIdIssuer.class)
public class FederationTestResources {
}
