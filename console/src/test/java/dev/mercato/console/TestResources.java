package dev.mercato.console;

import io.quarkus.test.common.QuarkusTestResource;

/** identity's, webhook's and catalog's API stubs for every test of this module (Quarkus boots once). */
@QuarkusTestResource(UpstreamStubs.class)
public class TestResources {
}
