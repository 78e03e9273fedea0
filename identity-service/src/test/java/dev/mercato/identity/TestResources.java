package dev.mercato.identity;

import dev.mercato.testkit.MercatoTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real Kafka broker and PostgreSQL database for every test of this module (Quarkus boots once). */
@QuarkusTestResource(value = MercatoTestResources.class, initArgs = {
        @ResourceArg(name = "service", value = "identity"),
        // identity verifies the tokens it issues through its own discovery document and JWKS
        @ResourceArg(name = "issuer", value = "self") })
public class TestResources {
}
