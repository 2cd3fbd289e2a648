package nl.leerlog.tool.notifications.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The notification outbox on H2 in PostgreSQL mode, the database of the dev profile. */
class H2MailOutboxTests extends MailOutboxContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
