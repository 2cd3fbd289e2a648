package nl.leerlog.tool.roster;

import nl.leerlog.tool.TestDatabases;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The roster contract on PostgreSQL, the production database, in a schema of this test class's own. */
@DirtiesContext // closing the context drops its schema now, not at the end of the whole run
class PostgresRosterRepositoryTests extends RosterRepositoryContractTests {

    private static final String SCHEMA = TestDatabases.uniqueName();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TemporarySchema {

        @Bean
        DisposableBean dropSchemaOnClose() {
            return () -> TestDatabases.dropSchema(SCHEMA);
        }
    }
}
