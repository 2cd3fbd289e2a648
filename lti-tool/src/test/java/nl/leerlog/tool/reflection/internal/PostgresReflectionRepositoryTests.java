package nl.leerlog.tool.reflection.internal;

import nl.leerlog.tool.OwnPostgresSchema;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** The reflection repository contract on PostgreSQL, the production database, in a schema of its own. */
@ContextConfiguration(initializers = OwnPostgresSchema.class)
@DirtiesContext // closing the context drops its schema now, not at the end of the whole run
class PostgresReflectionRepositoryTests extends ReflectionRepositoryContractTests {}
