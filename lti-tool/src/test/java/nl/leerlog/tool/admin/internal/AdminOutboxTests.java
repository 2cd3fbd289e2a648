package nl.leerlog.tool.admin.internal;

import static nl.leerlog.schema.Tables.ADMIN_AUDIT;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.tool.admin.internal.ConsoleClient.location;
import static nl.leerlog.tool.admin.internal.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.tool.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin console's mail outbox with a real SMTP server (GreenMail) behind the running sender: the page shows what
 * describes each mail and nothing of what it says or to whom, and a failed mail sent again arrives exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminOutboxTests {

    static final int SMTP_PORT = freePort();
    static final String ADDRESS = "bram.bakker@school.example";
    static final String SUBJECT = "Sanne de Vries asked you a question about her client";
    static final String BODY = "The body only the receiver may read";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("leerlog.mail.send-every", () -> "PT0.5S");
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    long failed;
    long waiting;

    @BeforeEach
    void aFailedMailAndOneThatWaits() {
        smtp.start();
        db.deleteFrom(MAIL_OUTBOX).execute();
        failed = mail("FAILED", 8, "SMTPSendFailedException: 550 5.1.1 <" + ADDRESS + ">: mailbox unavailable", 0);
        // Waits for its next try long after the test, so the running sender leaves it alone.
        waiting = mail("QUEUED", 2, "MailConnectException: Couldn't connect to host", 3);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void thePageShowsCountsAndMetadataButNoAddressSubjectOrBody() {
        String page = text(admin().get("/admin/outbox"));

        assertThat(page)
                .contains("<div data-status=\"FAILED\">", "<div data-status=\"QUEUED\">")
                .contains("data-id=\"" + failed + "\"", "data-id=\"" + waiting + "\"")
                .contains("teacher-replied", "mailbox unavailable", "[address]")
                .contains("/admin/outbox/" + failed + "/retry")
                .doesNotContain("/admin/outbox/" + waiting + "/retry")
                .doesNotContain(ADDRESS, SUBJECT, BODY, "school.example");
        assertThat(page.replaceAll("\\s+", " "))
                .contains("<dt>Failed</dt> <dd>1</dd>")
                .contains("<dt>Waiting</dt> <dd>1</dd>");
    }

    @Test
    void aFailedMailSentAgainArrivesExactlyOnceAndTheRetryIsAudited() throws Exception {
        ConsoleClient admin = admin();

        HttpResponse<String> retried = admin.submit("/admin/outbox", "/admin/outbox/" + failed + "/retry", Map.of());
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(location(retried)).endsWith("/admin/outbox");
        assertThat(text(admin.get("/admin/outbox"))).contains("The mail waits to be sent again.");

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        awaitStatus(failed, "SENT");
        Thread.sleep(1_500); // several more rounds of the sender
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo(SUBJECT);

        HttpResponse<String> again = admin.submit("/admin/outbox", "/admin/outbox/" + failed + "/retry", Map.of());
        assertThat(location(again)).endsWith("/admin/outbox");
        assertThat(text(admin.get("/admin/outbox"))).contains("Mail " + failed + " is not failed (any more)");
        Thread.sleep(1_000);
        assertThat(smtp.getReceivedMessages())
                .as("a sent mail is not sent again")
                .hasSize(1);

        assertThat(db.selectFrom(ADMIN_AUDIT)
                        .where(ADMIN_AUDIT.ACTION.eq("MAIL_RETRIED"))
                        .fetch(r -> r.getTarget() + " " + r.getDetails()))
                .containsExactly("mail " + failed + " kind=teacher-replied, tries=8, status=FAILED -> QUEUED");
        assertThat(text(admin.get("/admin/audit"))).contains("data-action=\"MAIL_RETRIED\"");
    }

    @Test
    void onlyAFailedMailCanBeRetriedAndOnlyWithTheConsolesFormToken() {
        assertThat(admin().postWithoutCsrf("/admin/outbox/" + failed + "/retry", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(anonymous().get("/admin/outbox").statusCode()).isEqualTo(302);

        ConsoleClient admin = admin();
        admin.submit("/admin/outbox", "/admin/outbox/" + waiting + "/retry", Map.of());
        admin.submit("/admin/outbox", "/admin/outbox/999999/retry", Map.of());
        assertThat(db.select(MAIL_OUTBOX.STATUS, MAIL_OUTBOX.ATTEMPTS)
                        .from(MAIL_OUTBOX)
                        .orderBy(MAIL_OUTBOX.ID)
                        .fetch(r -> r.value1() + ":" + r.value2()))
                .containsExactly("FAILED:8", "QUEUED:2");
        assertThat(db.fetchCount(ADMIN_AUDIT, ADMIN_AUDIT.ACTION.eq("MAIL_RETRIED")))
                .isZero();
    }

    private void awaitStatus(long id, String status) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (status.equals(db.select(MAIL_OUTBOX.STATUS)
                    .from(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.ID.eq(id))
                    .fetchSingle(MAIL_OUTBOX.STATUS))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("mail " + id + " not " + status);
    }

    private long mail(String status, int attempts, String error, int nextTryInDays) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.IDEMPOTENCY_KEY, "test:" + UUID.randomUUID())
                .set(MAIL_OUTBOX.MESSAGE_ID, "<" + UUID.randomUUID() + "@leerlog.test>")
                .set(MAIL_OUTBOX.KIND, "teacher-replied")
                .set(MAIL_OUTBOX.TO_ADDRESS, ADDRESS)
                .set(MAIL_OUTBOX.SUBJECT, SUBJECT)
                .set(MAIL_OUTBOX.TEXT_BODY, BODY)
                .set(MAIL_OUTBOX.HTML_BODY, "<p>" + BODY + "</p>")
                .set(MAIL_OUTBOX.STATUS, status)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plusDays(nextTryInDays))
                .set(MAIL_OUTBOX.CREATED_AT, now.minusHours(1))
                .returningResult(MAIL_OUTBOX.ID)
                .fetchSingle(MAIL_OUTBOX.ID);
    }

    private ConsoleClient anonymous() {
        return new ConsoleClient("http://localhost:" + port);
    }

    private ConsoleClient admin() {
        return anonymous().loggedInAsDevAdmin();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
