package nl.leerlog.tool.learninglog.internal;

import nl.leerlog.tool.OwnPostgresSchema;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** Refused input on PostgreSQL, which holds no NUL in any text, in a schema of this class's own. */
@ContextConfiguration(initializers = OwnPostgresSchema.class)
@DirtiesContext // closing the context drops its schema now, not at the end of the whole run
class PostgresRefusedInputTests extends RefusedInputContractTests {}
