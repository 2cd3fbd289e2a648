package nl.leerlog.tool.supervisor.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.schema.Tables.PRIVACY_READ;
import static nl.leerlog.schema.Tables.SUPERVISOR_LINK;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.internal.TestClockConfiguration;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A student gives chosen items to their workplace supervisor through a link: stored only as its token's hash,
 * expiring, revocable on the sharing page, limited per link and per address, never indexed and without referrer.
 * Every read is in the student's "who looked"; a link that is expired, revoked, altered or another's is "not found",
 * the same page each time.
 */
@Import(TestClockConfiguration.class)
class SupervisorLinkTests extends LaunchedCourseTests {

    private static final Pattern LINK = Pattern.compile("value=\"(http[^\"]*/supervisor/([A-Za-z0-9_-]{43}))\"");

    @Autowired
    MovableClock clock;

    @Autowired
    ReadLimits limits;

    @Autowired
    SupervisorSettings settings;

    @Autowired
    ClosedLinks closedLinks;

    CourseUsers users;
    long readingCorner;
    long circleTime;

    @BeforeEach
    void aStudentWithTwoLearningMoments() {
        limits.clear();
        users = launchCourse();
        readingCorner = rows().moment(ownerOf(users.student()), "Reading corner", "I read to the group of six.");
        circleTime = rows().moment(ownerOf(users.student()), "Circle time", "We talked about the weekend.");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
        limits.clear();
    }

    @Test
    void theStudentMakesALinkForChosenItemsAndOnlyItsHashIsStored() {
        HttpResponse<String> form = users.student().get("/student/privacy/supervisor");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Reading corner", "Circle time", "14 days", "1 day");

        HttpResponse<String> made = create(users.student(), "Jan de Boer", 14, null, readingCorner);

        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        String token = tokenOf(made.body());
        assertThat(made.body()).contains("Copy the link below and send it to Jan de Boer yourself.");
        Record row = db.selectFrom(SUPERVISOR_LINK)
                .where(SUPERVISOR_LINK.OWNER_ID.eq(userIdOf(users.student())))
                .fetchSingle();
        assertThat(row.get(SUPERVISOR_LINK.TOKEN_HASH)).isEqualTo(sha256(token));
        for (Object value : row.intoArray()) {
            assertThat(String.valueOf(value)).as("no column holds the token").doesNotContain(token);
        }
        assertThat(Duration.between(row.get(SUPERVISOR_LINK.CREATED_AT), row.get(SUPERVISOR_LINK.EXPIRES_AT)))
                .isEqualTo(Duration.ofDays(14));

        HttpResponse<String> page = new Supervisor().get(token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Reading corner", "I read to the group of six.", "Jan de Boer")
                .doesNotContain("Circle time");
    }

    @Test
    void theLinkIsNeverIndexedSendsNoReferrerAndIsNeverFramed() {
        String token = tokenOf(
                create(users.student(), "Jan de Boer", 7, null, readingCorner).body());

        for (HttpResponse<String> answer :
                List.of(new Supervisor().get(token), new Supervisor().get(tampered(token)))) {
            assertThat(answer.headers().firstValue("X-Robots-Tag"))
                    .hasValueSatisfying(v -> assertThat(v).contains("noindex"));
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
            assertThat(answer.body())
                    .contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
                    .contains("<meta name=\"referrer\" content=\"no-referrer\">");
        }
    }

    @Test
    void everyReadIsInTheStudentsWhoLookedWithTheSupervisorsName() {
        String token = tokenOf(create(users.student(), "Jan de Boer", 14, null, readingCorner, circleTime)
                .body());
        assertThat(db.fetchCount(PRIVACY_READ, PRIVACY_READ.OWNER_ID.eq(userIdOf(users.student()))))
                .isZero();

        new Supervisor().get(token);
        new Supervisor().get(token);

        var reads = db.selectFrom(PRIVACY_READ)
                .where(PRIVACY_READ.OWNER_ID.eq(userIdOf(users.student())))
                .fetch();
        assertThat(reads).hasSize(4);
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.getReaderKind()).isEqualTo("SUPERVISOR");
            assertThat(read.getReaderName()).isEqualTo("Jan de Boer");
            assertThat(read.getReaderId()).isNull();
        });
        assertThat(reads.map(read -> read.getItemTitle())).containsOnly("Reading corner", "Circle time");
        assertThat(users.student().get("/student/privacy/reads").body())
                .contains("Jan de Boer", "(workplace supervisor, through your link)", "Reading corner");
    }

    @Test
    void theSharingPageListsTheLinkUntilWhenAndRevokingItClosesItAtOnce() {
        String token = tokenOf(
                create(users.student(), "Jan de Boer", 3, null, readingCorner).body());
        String notFound = new Supervisor().get(tampered(token)).body();

        String sharing = users.student().get("/student/privacy/sharing").body();
        Matcher share = Pattern.compile("data-share=\"supervisor:(\\d+)\"").matcher(sharing);
        assertThat(share.find()).isTrue();
        String expires = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                .format(clock.instant().plus(Duration.ofDays(3)).atZone(java.time.ZoneOffset.UTC));
        assertThat(sharing).contains("Reading corner", "Jan de Boer", "Link for your workplace supervisor", expires);

        HttpResponse<String> revoked = users.student()
                .post("/student/privacy/sharing/revoke", Map.of("kind", "supervisor", "ref", share.group(1)));

        assertThat(redirectOf(revoked)).isEqualTo("/student/privacy/sharing?done=revoked");
        HttpResponse<String> after = new Supervisor().get(token);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).isEqualTo(notFound).doesNotContain("Reading corner", "Jan de Boer");
        assertThat(users.student().get("/student/privacy/sharing").body()).doesNotContain("supervisor:");
    }

    @Test
    void anExpiredLinkIsNotFoundAndLeavesTheSharingPage() {
        String token = tokenOf(
                create(users.student(), "Jan de Boer", 1, null, readingCorner).body());
        String notFound = new Supervisor().get(tampered(token)).body();

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(new Supervisor().get(token).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> expired = new Supervisor().get(token);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).isEqualTo(notFound).doesNotContain("Reading corner");
        assertThat(users.student().get("/student/privacy/sharing").body()).doesNotContain("supervisor:");
    }

    @Test
    void anAlteredOrMadeUpTokenIsNotFoundAndTellsNothing() {
        String token = tokenOf(
                create(users.student(), "Jan de Boer", 14, null, readingCorner).body());
        String unknown = "A".repeat(43);
        String notFound = new Supervisor().get(unknown).body();

        for (String wrong : List.of(tampered(token), token.substring(1), token + "x", token.toUpperCase(), "1")) {
            HttpResponse<String> answer = new Supervisor().get(wrong);
            assertThat(answer.statusCode()).as(wrong).isEqualTo(404);
            assertThat(answer.body()).as(wrong).isEqualTo(notFound);
        }
        assertThat(notFound).contains("This link does not work").doesNotContain("Reading corner", "Jan de Boer");
    }

    @Test
    void anotherStudentCanNeitherSeeNorRevokeTheLinkAndTeachersMakeNone() {
        String token = tokenOf(
                create(users.student(), "Jan de Boer", 14, null, readingCorner).body());
        String ref = String.valueOf(db.select(SUPERVISOR_LINK.ID)
                .from(SUPERVISOR_LINK)
                .where(SUPERVISOR_LINK.OWNER_ID.eq(userIdOf(users.student())))
                .fetchSingle(SUPERVISOR_LINK.ID));
        LaunchedUser classmate = classmateOf(users.student());

        for (LaunchedUser other : List.of(classmate, users.otherStudent())) {
            assertThat(other.get("/student/privacy/sharing").body()).doesNotContain("supervisor:", "Jan de Boer");
            assertThat(other.post("/student/privacy/sharing/revoke", Map.of("kind", "supervisor", "ref", ref))
                            .statusCode())
                    .isEqualTo(404);
            // Another student's moment cannot be put into one's own link.
            assertThat(create(other, "Piet", 14, null, readingCorner).statusCode())
                    .isEqualTo(422);
        }
        assertThat(new Supervisor().get(token).statusCode()).isEqualTo(200);
        for (LaunchedUser teacher : List.of(users.teacher(), users.otherTeacher())) {
            assertThat(teacher.get("/student/privacy/supervisor").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aLinkOpenedTooOftenAndAnAddressTryingTooManyTokensGet429() {
        String token = tokenOf(
                create(users.student(), "Jan de Boer", 14, null, readingCorner).body());
        Supervisor supervisor = new Supervisor();
        for (int i = 0; i < settings.readsPerLink(); i++) {
            assertThat(supervisor.get(token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> tooOften = supervisor.get(token);
        assertThat(tooOften.statusCode()).isEqualTo(429);
        assertThat(tooOften.headers().firstValue("Retry-After")).isPresent();
        assertThat(tooOften.body()).contains("Too many requests").doesNotContain("Reading corner");

        limits.clear();
        for (int i = 0; i < settings.readsPerAddress(); i++) {
            assertThat(supervisor.get(LinkTokens.newToken()).statusCode()).isEqualTo(404);
        }
        assertThat(supervisor.get(LinkTokens.newToken()).statusCode()).isEqualTo(429);
        assertThat(supervisor.get(token).statusCode())
                .as("the address is over its limit for every link")
                .isEqualTo(429);

        clock.advance(settings.window());
        assertThat(supervisor.get(token).statusCode()).as("a new window").isEqualTo(200);
    }

    @Test
    void badChoicesAreRefusedWithTheFormKept() {
        assertThat(create(users.student(), "Jan de Boer", 5, null, readingCorner)
                        .statusCode())
                .isEqualTo(422);
        assertThat(create(users.student(), "", 14, null, readingCorner).statusCode())
                .isEqualTo(422);
        HttpResponse<String> noItems = create(users.student(), "Jan de Boer", 14, null);
        assertThat(noItems.statusCode()).isEqualTo(422);
        assertThat(noItems.body()).contains("Choose at least one item.");
        HttpResponse<String> badMail = users.student()
                .post(
                        "/student/privacy/supervisor",
                        List.of(
                                "items=moment:" + readingCorner,
                                "supervisorName=Jan",
                                "supervisorEmail=jan at work",
                                "days=14"));
        assertThat(badMail.statusCode()).isEqualTo(422);
        assertThat(badMail.body()).contains("This does not look like an e-mail address.", "Jan");
        assertThat(db.fetchCount(SUPERVISOR_LINK, SUPERVISOR_LINK.OWNER_ID.eq(userIdOf(users.student()))))
                .isZero();
    }

    @Test
    void theSupervisorAnswersTheRequestWithoutAnAccountAndItLandsInTheLogAsAMomentFromThem() {
        String token =
                tokenOf(create(users.student(), "Jan de Boer", 14, "How did I lead the reading corner?", readingCorner)
                        .body());
        Supervisor supervisor = new Supervisor();
        HttpResponse<String> page = supervisor.get(token);
        assertThat(page.body()).contains("The student asks you", "How did I lead the reading corner?", "Your answer");

        HttpResponse<String> sent = supervisor.post(
                "/supervisor/" + token + "/answer",
                Map.of(
                        "_csrf", csrfOf(page.body()),
                        "name", "Jan de Boer (mentor)",
                        "answer", "You kept the group calm and let every child read."));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(URI.create(sent.headers().firstValue("Location").orElseThrow())
                        .getRawQuery())
                .isEqualTo("done=answered");
        var moment = db.selectFrom(LEARNING_MOMENT)
                .where(LEARNING_MOMENT.OWNER_ID.eq(userIdOf(users.student())))
                .and(LEARNING_MOMENT.FROM_SUPERVISOR.isNotNull())
                .fetchSingle();
        assertThat(moment.getFromSupervisor()).isEqualTo("Jan de Boer (mentor)");
        assertThat(moment.getTitle()).isEqualTo("Feedback from Jan de Boer (mentor)");
        assertThat(moment.getDraft()).isFalse();
        assertThat(moment.getBodySource())
                .contains("> How did I lead the reading corner?", "You kept the group calm and let every child read.");
        assertThat(users.student().get("/student/log").body())
                .contains("Feedback from Jan de Boer (mentor)", "From your supervisor");
        assertThat(users.student().get("/student/log/" + moment.getId()).body())
                .contains(
                        "This moment is the answer of your workplace supervisor Jan de Boer (mentor)",
                        "You kept the group calm");
        assertThat(supervisor.get(token).body())
                .contains("Answered by Jan de Boer (mentor).")
                .doesNotContain("Send my answer");

        HttpResponse<String> again = supervisor.post(
                "/supervisor/" + token + "/answer",
                Map.of("_csrf", csrfOf(page.body()), "name", "Someone else", "answer", "A second answer."));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("This question has been answered already.");
        assertThat(db.fetchCount(
                        LEARNING_MOMENT,
                        LEARNING_MOMENT
                                .OWNER_ID
                                .eq(userIdOf(users.student()))
                                .and(LEARNING_MOMENT.FROM_SUPERVISOR.isNotNull())))
                .isEqualTo(1);
    }

    @Test
    void anAnswerWithoutTheFormTokenOrOnAClosedLinkLandsNowhere() {
        String token = tokenOf(create(users.student(), "Jan de Boer", 14, "Any tips?", readingCorner)
                .body());
        String withoutRequest = tokenOf(
                create(users.student(), "Jan de Boer", 14, null, circleTime).body());
        Supervisor supervisor = new Supervisor();
        String csrf = csrfOf(supervisor.get(token).body());

        HttpResponse<String> withoutToken =
                supervisor.post("/supervisor/" + token + "/answer", Map.of("name", "Jan", "answer", "Tip."));
        assertThat(withoutToken.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(withoutToken.body())
                .contains("Your answer was not sent")
                .doesNotContain("Reading corner", "Any tips?");
        assertThat(withoutToken.headers().firstValue("X-Robots-Tag")).isPresent();
        assertThat(withoutToken.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(new Supervisor()
                        .post(
                                "/supervisor/" + token + "/answer",
                                Map.of("_csrf", csrf, "name", "Jan", "answer", "Tip."))
                        .statusCode())
                .as("a token from another browser's cookie")
                .isEqualTo(403);
        assertThat(supervisor
                        .post(
                                "/supervisor/" + withoutRequest + "/answer",
                                Map.of("_csrf", csrf, "name", "Jan", "answer", "Tip."))
                        .statusCode())
                .as("a link without a question")
                .isEqualTo(404);
        assertThat(supervisor
                        .post(
                                "/supervisor/" + tampered(token) + "/answer",
                                Map.of("_csrf", csrf, "name", "Jan", "answer", "Tip."))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> empty =
                supervisor.post("/supervisor/" + token + "/answer", Map.of("_csrf", csrf, "name", "", "answer", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Your answer was not sent");

        clock.advance(Duration.ofDays(15));
        assertThat(supervisor
                        .post(
                                "/supervisor/" + token + "/answer",
                                Map.of("_csrf", csrf, "name", "Jan", "answer", "Tip."))
                        .statusCode())
                .as("expired")
                .isEqualTo(404);
        assertThat(db.fetchCount(
                        LEARNING_MOMENT,
                        LEARNING_MOMENT
                                .OWNER_ID
                                .eq(userIdOf(users.student()))
                                .and(LEARNING_MOMENT.FROM_SUPERVISOR.isNotNull())))
                .isZero();
    }

    @Test
    void theStudentHasTheLinkMailedToTheSupervisorThroughTheOutbox() {
        HttpResponse<String> made = users.student()
                .post(
                        "/student/privacy/supervisor",
                        List.of(
                                "items=moment:" + readingCorner,
                                "supervisorName=Jan de Boer",
                                "supervisorEmail=jan.deboer@kinderopvang.example",
                                "request=Could you assess my reading corner?",
                                "days=7"));

        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("Leerlog mails the link to Jan de Boer at jan.deboer@kinderopvang.example.");
        String token = tokenOf(made.body());
        var mail = db.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.TO_ADDRESS.eq("jan.deboer@kinderopvang.example"))
                .and(MAIL_OUTBOX.COURSE_ID.eq(courseIdOf(users.student())))
                .fetchSingle();
        assertThat(mail.getKind()).isEqualTo("supervisor-link");
        assertThat(mail.getRecipientId()).isNull();
        assertThat(mail.getUnsubscribeUrl()).isNull();
        assertThat(mail.getSubject()).endsWith("shares parts of their internship log with you");
        assertThat(mail.getTextBody())
                .contains("Hello Jan de Boer,", "/supervisor/" + token, "Could you assess my reading corner?");
        assertThat(mail.getHtmlBody()).contains("href=\"http", "/supervisor/" + token + "\"");
    }

    @Test
    void theSupervisorsPagesFollowTheirBrowsersLanguage() {
        String token = tokenOf(create(users.student(), "Jan de Boer", 14, "Hoe deed ik het?", readingCorner)
                .body());
        HttpResponse<String> dutch = new Supervisor("nl-NL,nl;q=0.9").get(token);
        assertThat(dutch.body()).contains("lang=\"nl\"", "Met je gedeeld door een student", "De student vraagt je");
        assertThat(new Supervisor("nl").get(tampered(token)).body()).contains("Deze link werkt niet");
        assertThat(new Supervisor("en-GB").get(token).body()).contains("Shared with you by a student");
    }

    @Test
    void theStudentsExportListsTheirLinksAndTheMomentFromTheSupervisorButNeverTheLink() throws Exception {
        String token = tokenOf(create(users.student(), "Jan de Boer", 14, "Any tips?", readingCorner)
                .body());
        Supervisor supervisor = new Supervisor();
        String csrf = csrfOf(supervisor.get(token).body());
        supervisor.post(
                "/supervisor/" + token + "/answer",
                Map.of("_csrf", csrf, "name", "Jan de Boer", "answer", "Give the quiet ones a task."));

        var request = users.student().request("/student/privacy/export").GET();
        String cookies = users.student().browser().cookies().entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        HttpResponse<byte[]> zip = nl.leerlog.lti.testing.LaunchClient.httpClient()
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        String json = null;
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("leerlog.json")) {
                    json = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(json)
                .contains("\"supervisorLinks\"", "\"Jan de Boer\"", "Any tips?", "\"fromSupervisor\"")
                .contains("Reading corner")
                .doesNotContain(token, sha256(token));
    }

    @Test
    void endedLinksAreForgottenWithTheirCopiesAfterTheUndoPeriodAndOpenOnesStay() {
        create(users.student(), "Jan de Boer", 1, null, readingCorner);
        String open = tokenOf(
                create(users.student(), "Piet Jansen", 14, null, circleTime).body());
        long owner = userIdOf(users.student());
        assertThat(db.fetchCount(SUPERVISOR_LINK, SUPERVISOR_LINK.OWNER_ID.eq(owner)))
                .isEqualTo(2);

        clock.advance(Duration.ofDays(2));
        closedLinks.forgetDeletedBefore(
                clock.instant().minus(Duration.ofDays(3)).atOffset(java.time.ZoneOffset.UTC));
        assertThat(db.fetchCount(SUPERVISOR_LINK, SUPERVISOR_LINK.OWNER_ID.eq(owner)))
                .as("ended a day ago: still within the undo period")
                .isEqualTo(2);

        int forgotten = closedLinks.forgetDeletedBefore(clock.instant().atOffset(java.time.ZoneOffset.UTC));

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(db.select(SUPERVISOR_LINK.SUPERVISOR_NAME)
                        .from(SUPERVISOR_LINK)
                        .where(SUPERVISOR_LINK.OWNER_ID.eq(owner))
                        .fetch(SUPERVISOR_LINK.SUPERVISOR_NAME))
                .containsExactly("Piet Jansen");
        assertThat(db.fetchCount(
                        nl.leerlog.schema.Tables.SUPERVISOR_LINK_ITEM,
                        nl.leerlog.schema.Tables.SUPERVISOR_LINK_ITEM.RECORD_ID.eq(readingCorner)))
                .as("the copy went with its link")
                .isZero();
        assertThat(new Supervisor().get(open).statusCode()).isEqualTo(200);
    }

    /** The student's form post; an answer with the link on success. */
    private HttpResponse<String> create(LaunchedUser student, String name, int days, String request, long... moments) {
        List<String> fields = new ArrayList<>();
        for (long moment : moments) {
            fields.add("items=moment:" + moment);
        }
        fields.add("supervisorName=" + name);
        fields.add("days=" + days);
        if (request != null) {
            fields.add("request=" + request);
        }
        return student.post("/student/privacy/supervisor", fields);
    }

    static String csrfOf(String supervisorPage) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(supervisorPage);
        assertThat(csrf.find()).as("the page has a form token").isTrue();
        return csrf.group(1);
    }

    static String tokenOf(String createdPage) {
        Matcher link = LINK.matcher(createdPage);
        assertThat(link.find()).as("the page shows the link").isTrue();
        return link.group(2);
    }

    /** The same token with one character changed. */
    static String tampered(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A supervisor's browser: no launch, no LMS, cookies of its own. */
    class Supervisor {

        final HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        final String language;

        Supervisor() {
            this("en");
        }

        Supervisor(String language) {
            this.language = language;
        }

        HttpResponse<String> get(String token) {
            return send(HttpRequest.newBuilder(uri("/supervisor/" + token))
                    .header("Accept-Language", language)
                    .GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Accept-Language", language)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
