package dev.mercato.catalog;

import dev.mercato.testkit.MercatoTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real Kafka broker and PostgreSQL database for every test of this module (Quarkus boots once). */
@QuarkusTestResource(value = MercatoTestResources.class, initArgs = @ResourceArg(name = "service", value = "catalog"))
public class TestResources {
}
