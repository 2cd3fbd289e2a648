package nl.leerlog.tool.guidance.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guidance as stored on H2 in PostgreSQL mode, the database of the dev profile. */
class H2GuidanceRepositoryTests extends GuidanceRepositoryContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
