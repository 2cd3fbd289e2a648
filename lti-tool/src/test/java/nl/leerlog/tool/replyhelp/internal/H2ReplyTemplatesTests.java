package nl.leerlog.tool.replyhelp.internal;

import nl.leerlog.tool.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reply templates as stored on H2 in PostgreSQL mode, the database of the dev profile. */
class H2ReplyTemplatesTests extends ReplyTemplatesContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
