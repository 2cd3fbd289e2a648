package nl.leerlog.tool.learninglog.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The learning-moment repositories on H2 in PostgreSQL mode, the database of the dev profile. */
class H2LearningMomentsTests extends LearningMomentsContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
