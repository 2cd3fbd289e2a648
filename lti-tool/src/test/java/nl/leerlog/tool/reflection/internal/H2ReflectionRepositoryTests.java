package nl.leerlog.tool.reflection.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reflection repository contract on H2 in PostgreSQL mode, the database of the dev profile. */
class H2ReflectionRepositoryTests extends ReflectionRepositoryContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
