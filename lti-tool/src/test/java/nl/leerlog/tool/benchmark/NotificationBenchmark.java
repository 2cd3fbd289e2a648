package nl.leerlog.tool.benchmark;

import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.tool.benchmark.Percentiles.percentile;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.leerlog.tool.LeerlogApplication;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notification mails through a local GreenMail: how many mails per second the outbox senders deliver with one
 * instance and (on PostgreSQL) two on one database, and what the senders' claim costs as sent mails pile up in the
 * outbox. Not part of {@code ./mvnw verify} (the class name matches no test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.database=postgres [-Dbenchmark.mails=10000] [-Dbenchmark.sent-rows=1000000] [-Dbenchmark.claims=200]
 * </pre>
 */
class NotificationBenchmark {

    @Test
    void tenThousandQueuedMails() throws Exception {
        int mails = Integer.getInteger("benchmark.mails", 10_000);
        int sentRows = Integer.getInteger("benchmark.sent-rows", 1_000_000);
        int claims = Integer.getInteger("benchmark.claims", 200);
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--logging.level.root=WARN",
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort,
                    "--leerlog.mail.send-every=PT0.2S"));
            args.addAll(database.arguments());
            List<String> figures = new ArrayList<>();
            try (ConfigurableApplicationContext first = start(args)) {
                DSLContext db = first.getBean(DSLContext.class);
                figures.add(round(db, smtp, mails, "one instance"));
                if (database.postgres()) {
                    try (ConfigurableApplicationContext second = start(args)) {
                        figures.add(round(db, smtp, mails, "two instances"));
                    }
                }
                figures.add(claimCost(db, database, sentRows, claims));
            }
            System.out.printf("%nNotification benchmark (%s, %d mails per round)%n", database.name(), mails);
            figures.forEach(figure -> System.out.println("  " + figure));
            System.out.println();
        } finally {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(LeerlogApplication.class).run(args.toArray(String[]::new));
    }

    /** Queues the mails not yet due, makes them all due at once and waits until every one is sent. */
    private static String round(DSLContext db, GreenMail smtp, int mails, String label) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        db.deleteFrom(MAIL_OUTBOX).execute();
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1);
        String round = UUID.randomUUID().toString();
        var insert = db.insertInto(
                MAIL_OUTBOX,
                MAIL_OUTBOX.IDEMPOTENCY_KEY,
                MAIL_OUTBOX.MESSAGE_ID,
                MAIL_OUTBOX.KIND,
                MAIL_OUTBOX.TO_ADDRESS,
                MAIL_OUTBOX.SUBJECT,
                MAIL_OUTBOX.TEXT_BODY,
                MAIL_OUTBOX.HTML_BODY,
                MAIL_OUTBOX.STATUS,
                MAIL_OUTBOX.NEXT_ATTEMPT_AT,
                MAIL_OUTBOX.CREATED_AT);
        for (int i = 0; i < mails; i++) {
            insert = insert.values(
                    round + ":" + i,
                    "<" + round + "." + i + "@leerlog.invalid>",
                    "question-sent",
                    "teacher" + (i % 100) + "@school.example",
                    "A question " + i,
                    "Hello,\n\nA student asked you a question " + i + ".\n",
                    "<p>Hello,</p><p>A student asked you a question " + i + ".</p>",
                    "QUEUED",
                    later,
                    later);
        }
        insert.execute();
        long start = System.nanoTime();
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
        while (db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("SENT")) < mails) {
            if (System.nanoTime() - start > 30L * 60 * 1_000_000_000L) {
                throw new IllegalStateException("not all mails sent within 30 minutes");
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int received = smtp.getReceivedMessages().length;
        if (received != mails) {
            throw new IllegalStateException(received + " mails received for " + mails + " sent");
        }
        return String.format(
                Locale.ROOT,
                "%-14s %7.0f mails/s (%d mails in %.1f s, each received once)",
                label,
                mails / seconds,
                mails,
                seconds);
    }

    /** The claim with nothing due, timed on an outbox holding {@code sentRows} sent mails. */
    private static String claimCost(DSLContext db, BenchmarkDatabase database, int sentRows, int claims) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int batch = 10_000;
        for (int done = 0; done < sentRows; done += batch) {
            var insert = db.insertInto(
                    MAIL_OUTBOX,
                    MAIL_OUTBOX.IDEMPOTENCY_KEY,
                    MAIL_OUTBOX.MESSAGE_ID,
                    MAIL_OUTBOX.KIND,
                    MAIL_OUTBOX.TO_ADDRESS,
                    MAIL_OUTBOX.SUBJECT,
                    MAIL_OUTBOX.TEXT_BODY,
                    MAIL_OUTBOX.HTML_BODY,
                    MAIL_OUTBOX.STATUS,
                    MAIL_OUTBOX.NEXT_ATTEMPT_AT,
                    MAIL_OUTBOX.CREATED_AT,
                    MAIL_OUTBOX.SENT_AT);
            for (int i = done; i < Math.min(sentRows, done + batch); i++) {
                insert = insert.values(
                        "sent:" + i,
                        "<sent." + i + "@leerlog.invalid>",
                        "question-sent",
                        "t@school.example",
                        "Sent",
                        "Sent",
                        "Sent",
                        "SENT",
                        now,
                        now,
                        now);
            }
            insert.execute();
        }
        if (database.postgres()) {
            db.execute("analyze mail_outbox");
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            long start = System.nanoTime();
            db.transaction(configuration -> DSL.using(configuration)
                    .select(MAIL_OUTBOX.ID)
                    .from(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.STATUS.eq("QUEUED").and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now)))
                    .or(MAIL_OUTBOX.STATUS.eq("SENDING").and(MAIL_OUTBOX.CLAIMED_AT.lt(now.minusMinutes(10))))
                    .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                    .limit(50)
                    .forUpdate()
                    .skipLocked()
                    .fetch());
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return String.format(
                Locale.ROOT,
                "outbox claim   p50 %.2f ms   p95 %.2f ms   with %d sent mails in the outbox",
                percentile(nanos, 50),
                percentile(nanos, 95),
                db.fetchCount(MAIL_OUTBOX));
    }
}
