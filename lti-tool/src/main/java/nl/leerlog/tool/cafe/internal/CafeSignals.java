package nl.leerlog.tool.cafe.internal;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the live readers of a channel, on every instance, that it changed. Called inside the changing
 * transaction: on PostgreSQL through {@code NOTIFY}, which the database delivers to every listening instance only
 * when that transaction commits (and never when it rolls back); on the embedded database, which serves one
 * instance only, straight to this instance's readers after commit.
 */
@Component
class CafeSignals {

    static final String CHANNEL = "leerlog_cafe";

    private final DSLContext db;
    // The streams read the messages whose changes signal here, so they are looked up when a signal is sent.
    private final ObjectProvider<CafeStreams> streams;
    private final boolean postgres;

    CafeSignals(DSLContext db, ObjectProvider<CafeStreams> streams) {
        this.db = db;
        this.streams = streams;
        this.postgres = db.dialect().family() == SQLDialect.POSTGRES;
    }

    boolean crossInstance() {
        return postgres;
    }

    void changed(long channelId, long change) {
        if (postgres) {
            db.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(channelId + ":" + change)))
                    .fetch();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                streams.getObject().changed(channelId, change);
            }
        });
    }
}
