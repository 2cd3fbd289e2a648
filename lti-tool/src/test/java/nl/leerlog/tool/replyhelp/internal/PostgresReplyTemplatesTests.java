package nl.leerlog.tool.replyhelp.internal;

import nl.leerlog.tool.OwnPostgresSchema;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** Reply templates as stored on PostgreSQL, the production database, in a schema of this test class's own. */
@ContextConfiguration(initializers = OwnPostgresSchema.class)
@DirtiesContext // closing the context drops its schema now, not at the end of the whole run
class PostgresReplyTemplatesTests extends ReplyTemplatesContractTests {}
