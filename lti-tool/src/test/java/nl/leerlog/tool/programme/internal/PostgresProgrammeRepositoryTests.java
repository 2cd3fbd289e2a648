package nl.leerlog.tool.programme.internal;

import nl.leerlog.tool.OwnPostgresSchema;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** The programme, own goals and internship contract on PostgreSQL, in a schema of this test class's own. */
@ContextConfiguration(initializers = OwnPostgresSchema.class)
@DirtiesContext // closing the context drops its schema now, not at the end of the whole run
class PostgresProgrammeRepositoryTests extends ProgrammeRepositoryContractTests {}
