package nl.leerlog.tool.programme.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The programme, own goals and internship contract on H2 in PostgreSQL mode, the database of the dev profile. */
class H2ProgrammeRepositoryTests extends ProgrammeRepositoryContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
