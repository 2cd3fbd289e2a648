package nl.leerlog.tool.identity;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Who is whose internship teacher on H2 in PostgreSQL mode, the database of the dev profile. */
class H2InternshipTeachersTests extends InternshipTeachersContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
