package nl.leerlog.tool.learninglog.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Forgetting deleted records on H2 in PostgreSQL mode, the database of the dev profile. */
class H2DeletedRecordsPurgeTests extends DeletedRecordsPurgeContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
