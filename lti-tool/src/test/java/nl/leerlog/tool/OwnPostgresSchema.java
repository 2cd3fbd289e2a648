package nl.leerlog.tool;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Gives a test context a PostgreSQL schema of its own, migrated by Flyway, and drops it when the context
 * closes. Use with {@code @ContextConfiguration(initializers = OwnPostgresSchema.class)} and
 * {@code @DirtiesContext}, so the schema goes when the class is done rather than at the end of the run.
 */
public class OwnPostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = TestDatabases.uniqueName();
        TestPropertyValues.of(TestDatabases.postgres(schema)).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                TestDatabases.dropSchema(schema);
            }
        });
    }
}
