package nl.leerlog.tool.cafe.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, hears every instance's café changes ({@code LISTEN}) on a connection of its own and passes them to
 * this instance's live readers. After the connection was lost it listens again and tells every open reader its
 * channel's latest change, so a change signalled during the gap is caught up, not missed.
 */
@Component
class CafeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CafeListener.class);
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final CafeStreams streams;
    private final CafeChannels channels;
    private final boolean postgres;
    private volatile boolean running;
    private Thread thread;

    CafeListener(DataSource dataSource, DSLContext db, CafeStreams streams, CafeChannels channels) {
        this.dataSource = dataSource;
        this.streams = streams;
        this.channels = channels;
        this.postgres = db.dialect().family() == SQLDialect.POSTGRES;
    }

    @Override
    public void start() {
        running = true;
        if (postgres) {
            thread = Thread.ofPlatform().daemon().name("cafe-listener").start(this::listen);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CafeSignals.CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                if (reconnected) {
                    streams.catchUp(channels::lastChange);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        signal(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Café listener lost its database connection, listening again: {}", e.getMessage());
                reconnected = true;
                pause();
            }
        }
    }

    private void signal(String payload) {
        int colon = payload.indexOf(':');
        try {
            streams.changed(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            log.warn("Café listener ignored a signal it cannot read: {}", payload);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
