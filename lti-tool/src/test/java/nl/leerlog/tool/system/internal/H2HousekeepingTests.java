package nl.leerlog.tool.system.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Housekeeping's lock on H2 in PostgreSQL mode, the database of the dev profile. */
class H2HousekeepingTests extends HousekeepingContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
