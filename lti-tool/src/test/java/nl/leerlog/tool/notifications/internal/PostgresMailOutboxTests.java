package nl.leerlog.tool.notifications.internal;

import nl.leerlog.tool.OwnPostgresSchema;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** The notification outbox on PostgreSQL, the production database, in a schema of this test class's own. */
@ContextConfiguration(initializers = OwnPostgresSchema.class)
@DirtiesContext // closing the context drops its schema now, not at the end of the whole run
class PostgresMailOutboxTests extends MailOutboxContractTests {}
