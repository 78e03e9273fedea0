package dev.mercato.console;

import io.quarkus.test.common.QuarkusTestResource;

/** identity's and webhook's API stubs for every test of this module (Quarkus boots once). */
@QuarkusTestResource(UpstreamStubs.class)
public class TestResources {
}
