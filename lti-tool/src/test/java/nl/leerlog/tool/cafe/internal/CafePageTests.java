package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_ATTACHMENT;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.CAFE_MEETING;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;
import static nl.leerlog.schema.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.MultipartForm;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.identity.internal.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The café over real launches: a coordinator makes groups, members and the coach talk in the group channel and in
 * private, the writer corrects and deletes, the coach hides, a member reports; and nobody outside reads a word.
 */
@Import(TestClockConfiguration.class)
class CafePageTests extends LaunchedCourseTests {

    private static final Pattern CHANNEL = Pattern.compile("/cafe/channels/(\\d+)");

    @Autowired
    MovableClock clock;

    @Autowired
    CafePurge purge;

    @Autowired
    CafeChannels channels;

    @Autowired
    CafeMessages messages;

    @Autowired
    LiveMessages live;

    @Autowired
    CafeMeetings meetings;

    CourseUsers users;
    LaunchedUser classmate;
    long group;

    @BeforeEach
    void aGroupCoachedByTheTeacherWithTheStudentAndAClassmateInIt() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        group = makeGroup(users.teacher(), "Café Noord", userIdOf(users.teacher()));
        join(users.teacher(), group, users.student(), classmate);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aCoordinatorMakesAGroupWithACoachAndTheStudentFindsItsChannel() {
        String groups = users.teacher().get("/teacher/cafe/groups").body();
        assertThat(groups).contains("Café Noord (2 members)", "Every student of the course is in a group.");

        String home = users.student().get("/student/cafe").body();
        assertThat(home).contains("Café Noord", "Group channel", "Coach: ");
        assertThat(users.teacher().get("/teacher/cafe").body()).contains("Café Noord", "Group channel");
        assertThat(users.otherStudent().get("/student/cafe").body())
                .contains("You are not in a café group yet.")
                .doesNotContain("Café Noord");
    }

    @Test
    void membersAndTheCoachReadTheGroupChannelAndNobodyElseDoes() {
        long channel = groupChannel(users.student());
        assertThat(post(users.student(), channel, "Wie heeft tips voor een eerste werkdag?")
                        .statusCode())
                .isEqualTo(302);

        assertThat(users.teacher().get("/cafe/channels/" + channel).body())
                .contains("Wie heeft tips voor een eerste werkdag?");
        assertThat(classmate.get("/cafe/channels/" + channel).body())
                .contains("Wie heeft tips voor een eerste werkdag?");

        LaunchedUser secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        LaunchedUser outsider = classmateOf(users.student());
        for (LaunchedUser stranger : List.of(secondTeacher, outsider, users.otherTeacher(), users.otherStudent())) {
            assertThat(stranger.get("/cafe/channels/" + channel).statusCode()).isEqualTo(404);
            assertThat(stranger.get("/cafe/channels/" + channel + "/changes?after=0")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(post(stranger, channel, "Ik lees mee").statusCode()).isEqualTo(404);
        }
        assertThat(db.fetchCount(CAFE_MESSAGE, CAFE_MESSAGE.CHANNEL_ID.eq(channel)))
                .isEqualTo(1);
    }

    @Test
    void aPrivateChannelIsReadByItsTwoPeopleOnly() {
        LaunchedUser third = classmateOf(users.student());
        join(users.teacher(), group, third);
        HttpResponse<String> opened = users.student()
                .post("/cafe/groups/" + group + "/private", Map.of("with", Long.toString(userIdOf(classmate))));
        long channel = channelIn(redirectOf(opened));
        post(users.student(), channel, "Zullen we even bellen?");

        assertThat(classmate.get("/cafe/channels/" + channel).body()).contains("Zullen we even bellen?");
        assertThat(third.get("/cafe/channels/" + channel).statusCode()).isEqualTo(404);
        assertThat(users.teacher().get("/cafe/channels/" + channel).statusCode())
                .as("the coach reads only their own private channels")
                .isEqualTo(404);
        // Opening it from the other side finds the same channel.
        HttpResponse<String> again = classmate.post(
                "/cafe/groups/" + group + "/private", Map.of("with", Long.toString(userIdOf(users.student()))));
        assertThat(channelIn(redirectOf(again))).isEqualTo(channel);
        assertThat(users.otherStudent()
                        .post("/cafe/groups/" + group + "/private", Map.of("with", Long.toString(userIdOf(classmate))))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theWriterCorrectsForFiveMinutesAndDeletesAtAnyTime() {
        long channel = groupChannel(users.student());
        post(users.student(), channel, "Morgen om 9 uur?");
        long message = latestMessage(channel);

        assertThat(users.student()
                        .post(messagePath(channel, message), Map.of("body", "Morgen om 10 uur?"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(classmate.get("/cafe/channels/" + channel).body()).contains("Morgen om 10 uur?", "(edited)");
        assertThat(classmate
                        .post(messagePath(channel, message), Map.of("body", "Niet van mij"))
                        .statusCode())
                .isEqualTo(404);

        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> late = users.student().post(messagePath(channel, message), Map.of("body", "Te laat"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("can no longer be changed");

        assertThat(users.student()
                        .post(messagePath(channel, message) + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(classmate.get("/cafe/channels/" + channel).body())
                .contains("This message was deleted by its writer.")
                .doesNotContain("Morgen om 10 uur?");
        assertThat(db.select(CAFE_MESSAGE.BODY)
                        .from(CAFE_MESSAGE)
                        .where(CAFE_MESSAGE.ID.eq(message))
                        .fetchSingle(CAFE_MESSAGE.BODY))
                .as("a deleted message keeps no text")
                .isNull();

        purge.forgetDeletedBefore(OffsetDateTime.now().minusDays(1));
        assertThat(db.fetchCount(CAFE_MESSAGE, CAFE_MESSAGE.ID.eq(message)))
                .as("within the keep period")
                .isOne();
        assertThat(purge.forgetDeletedBefore(OffsetDateTime.now().plusMinutes(10)))
                .isPositive();
        assertThat(db.fetchCount(CAFE_MESSAGE, CAFE_MESSAGE.ID.eq(message))).isZero();
    }

    @Test
    void theCoachHidesAMessageWithANoteAndMembersReportToTheCoach() {
        long channel = groupChannel(users.student());
        post(classmate, channel, "Iets wat hier niet hoort");
        long message = latestMessage(channel);

        assertThat(users.student()
                        .post(messagePath(channel, message) + "/report", Map.of("note", "Niet aardig"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(users.student()
                        .post(messagePath(channel, message) + "/hide", Map.of("note", "Dat mag niet"))
                        .statusCode())
                .as("only the coach hides")
                .isEqualTo(404);

        String coachView = users.teacher().get("/teacher/cafe").body();
        assertThat(coachView)
                .contains("reported a message: Niet aardig", "One message in the last 7 days.")
                .contains("Silent in the café for 7 days or more");
        Matcher handled = Pattern.compile("/teacher/cafe/groups/\\d+/reports/\\d+/handled")
                .matcher(coachView);
        assertThat(handled.find()).isTrue();
        assertThat(classmate.post(handled.group(), Map.of()).statusCode()).isIn(403, 404);
        assertThat(users.teacher().post(handled.group(), Map.of()).statusCode()).isEqualTo(302);
        assertThat(users.teacher().get("/teacher/cafe").body()).contains("No open reports.");
        assertThat(users.teacher().post(handled.group(), Map.of()).statusCode()).isEqualTo(404);

        HttpResponse<String> noNote =
                users.teacher().post(messagePath(channel, message) + "/hide", Map.of("note", " "));
        assertThat(noNote.statusCode()).isEqualTo(422);
        assertThat(users.teacher()
                        .post(messagePath(channel, message) + "/hide", Map.of("note", "Niet over collega's"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(users.student().get("/cafe/channels/" + channel).body())
                .contains(html("Hidden by the coach: Niet over collega's"))
                .doesNotContain("Iets wat hier niet hoort");
        assertThat(users.teacher().get("/cafe/channels/" + channel).body())
                .contains("Iets wat hier niet hoort", html("Hidden by the coach: Niet over collega's"));
    }

    @Test
    void anEmptyOrUnstorableMessageIsRefusedAndNothingIsStored() {
        long channel = groupChannel(users.student());
        HttpResponse<String> empty = post(users.student(), channel, "   ");
        HttpResponse<String> tooLong = post(users.student(), channel, "x".repeat(2001));
        HttpResponse<String> control = post(users.student(), channel, "bel\u0000me");

        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Write a message first.");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        // A control character is refused by the one guard on all input, before the form is read.
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(db.fetchCount(CAFE_MESSAGE, CAFE_MESSAGE.CHANNEL_ID.eq(channel)))
                .isZero();
    }

    @Test
    void theCatchUpGivesWhatChangedAfterANumberAndCountsAsRead() {
        long channel = groupChannel(users.student());
        post(users.student(), channel, "Eerste");
        post(users.student(), channel, "Tweede");
        assertThat(classmate.get("/student/cafe").body()).contains("2 new");

        HttpResponse<String> changes = classmate.get("/cafe/channels/" + channel + "/changes?after=1");
        assertThat(changes.statusCode()).isEqualTo(200);
        assertThat(changes.headers().firstValue("X-Cafe-Change")).contains("2");
        assertThat(changes.body()).contains("Tweede").doesNotContain("Eerste");
        assertThat(classmate.get("/student/cafe").body()).doesNotContain(" new<");
    }

    @Test
    void anOpenStreamHearsOfANewMessageAtOnce() throws Exception {
        long channel = groupChannel(users.student());
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        classmate
                                .request("/cafe/channels/" + channel + "/stream")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(nextData(lines)).isEqualTo("0");
            post(users.student(), channel, "Hallo allemaal");
            assertThat(nextData(lines))
                    .as("the change and the message itself, rendered for a classmate")
                    .startsWith("0 1 <")
                    .contains("Hallo allemaal", "Report to the coach")
                    .doesNotContain("/delete", "\n");
        }
    }

    @Test
    void eachReaderIsSentTheMessageAsTheirOwnPageShowsIt() throws Exception {
        long channel = groupChannel(users.student());
        try (BufferedReader writer = openStream(users.student(), channel);
                BufferedReader coach = openStream(users.teacher(), channel)) {
            assertThat(nextData(writer)).isEqualTo("0");
            assertThat(nextData(coach)).isEqualTo("0");
            post(users.student(), channel, "Regel een\nregel twee");

            assertThat(nextData(writer))
                    .as("the writer may correct and delete it")
                    .contains("/cafe/channels/" + channel + "/messages/", "/delete", "Regel een&#10;regel twee")
                    .doesNotContain("Report to the coach", "_csrf");
            assertThat(nextData(coach))
                    .as("the coach may hide it")
                    .contains("/hide")
                    .doesNotContain("/delete", "Report to the coach", "_csrf");
        }
    }

    @Test
    void aMemberWhoLeavesTheGroupLosesTheStream() throws Exception {
        long channel = groupChannel(users.student());
        try (BufferedReader leaving = openStream(classmate, channel)) {
            assertThat(nextData(leaving)).isEqualTo("0");
            assertThat(users.teacher()
                            .post(
                                    "/teacher/cafe/groups/" + group + "/members/" + userIdOf(classmate) + "/leave",
                                    Map.of())
                            .statusCode())
                    .isEqualTo(302);
            post(users.student(), channel, "Niet meer voor jou");

            assertThat(nextData(leaving))
                    .as("the stream ends without the message")
                    .isNull();
        }
        assertThat(classmate.get("/cafe/channels/" + channel + "/stream").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMessageCarriesFilesThatOnlyTheChannelsReadersDownloadNamedByTheirContent() throws Exception {
        long channel = groupChannel(users.student());
        try (BufferedReader live = openStream(classmate, channel)) {
            assertThat(nextData(live)).isEqualTo("0");
            HttpResponse<String> sent = postWithFiles(
                    users.student(),
                    channel,
                    "Mijn rooster voor volgende week",
                    MultipartForm.empty().file("files", "rooster.html", "text/html", png()));
            assertThat(sent.statusCode()).isEqualTo(302);

            String file = fileLinkIn(classmate.get("/cafe/channels/" + channel).body());
            assertThat(nextData(live))
                    .as("the stream's rendering outside a request links the same download")
                    .contains(file, "rooster.png");

            HttpResponse<byte[]> download = download(classmate, file);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(
                            d -> assertThat(d).startsWith("attachment").contains("rooster.png"));
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.body()).isEqualTo(png());
            assertThat(download(users.teacher(), file).statusCode()).isEqualTo(200);

            LaunchedUser secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
            for (LaunchedUser stranger : List.of(secondTeacher, classmateOf(users.student()), users.otherStudent())) {
                assertThat(download(stranger, file).statusCode()).isEqualTo(404);
            }
            long fileId = Long.parseLong(file.substring(file.lastIndexOf('/') + 1));
            long otherChannel = channelIn(redirectOf(users.student()
                    .post("/cafe/groups/" + group + "/private", Map.of("with", Long.toString(userIdOf(classmate))))));
            assertThat(download(classmate, "/cafe/channels/" + otherChannel + "/files/" + fileId)
                            .statusCode())
                    .as("a file is found only under its own channel")
                    .isEqualTo(404);
        }
    }

    @Test
    void theCoachPlansTheWeeklyMeetingAndOnlyTheMembersGetItTheirCalendarFileAndANotification() throws Exception {
        String meetingPage = "/teacher/cafe/groups/" + group + "/meeting";
        Map<String, String> meeting = Map.of(
                "weekday", "TUESDAY", "time", "16:00", "duration", "60", "link", "https://meet.example.nl/cafe-noord");
        assertThat(users.teacher().get(meetingPage).statusCode()).isEqualTo(200);
        for (LaunchedUser notCoach : List.of(
                users.student(),
                users.otherTeacher(),
                launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en"))) {
            assertThat(notCoach.get(meetingPage).statusCode()).isIn(403, 404);
            assertThat(notCoach.post(meetingPage, meeting).statusCode()).isIn(403, 404);
        }
        HttpResponse<String> plain = users.teacher()
                .post(
                        meetingPage,
                        Map.of(
                                "weekday",
                                "TUESDAY",
                                "time",
                                "16:00",
                                "duration",
                                "60",
                                "link",
                                "http://meet.example.nl/x"));
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("The video link must start with https://");
        HttpResponse<String> loopback = users.teacher()
                .post(
                        meetingPage,
                        Map.of("weekday", "TUESDAY", "time", "16:00", "duration", "60", "link", "http://localhost/x"));
        assertThat(loopback.statusCode()).isEqualTo(422);
        HttpResponse<String> nonsense = users.teacher()
                .post(meetingPage, Map.of("weekday", "SOMEDAY", "time", "25:00", "duration", "5", "link", "meet"));
        assertThat(nonsense.statusCode()).isEqualTo(422);
        assertThat(nonsense.body())
                .contains(
                        "Choose a day of the week.",
                        "such as 16:00",
                        "from 15 to 240 minutes",
                        "starting with https://");
        assertThat(db.fetchCount(CAFE_MEETING, CAFE_MEETING.GROUP_ID.eq(group))).isZero();

        assertThat(users.teacher().post(meetingPage, meeting).statusCode()).isEqualTo(302);

        long channel = groupChannel(users.student());
        CafeMeetings.Next next = meetings.of(group).orElseThrow().next(clock.instant());
        String day = next.startsAt()
                .format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.ENGLISH));
        assertThat(users.student().get("/cafe/channels/" + channel).body())
                .contains("Next group meeting", day + ", 16:00 to 17:00", "https://meet.example.nl/cafe-noord");
        assertThat(classmate.get("/student/cafe").body()).contains("Next group meeting: " + day + " at 16:00");

        String ics = "/cafe/groups/" + group + "/meeting.ics";
        HttpResponse<String> file = classmate.get(ics);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        net.fortuna.ical4j.model.Calendar calendar =
                new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(file.body()));
        var event =
                calendar.getComponent(net.fortuna.ical4j.model.Component.VEVENT).orElseThrow();
        assertThat(event.getProperty("RRULE").orElseThrow().getValue()).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(event.getProperty("URL").orElseThrow().getValue()).isEqualTo("https://meet.example.nl/cafe-noord");
        assertThat(users.teacher().get(ics).statusCode()).isEqualTo(200);
        LaunchedUser secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        for (LaunchedUser stranger : List.of(secondTeacher, classmateOf(users.student()), users.otherStudent())) {
            assertThat(stranger.get(ics).statusCode()).isEqualTo(404);
        }

        assertThat(notified(users.student())).isOne();
        assertThat(notified(classmate)).isOne();
        assertThat(notified(users.teacher())).as("the coach who set it").isZero();
        assertThat(users.student().get("/student/notifications").body())
                .contains("set the weekly meeting of your café group");

        assertThat(users.teacher()
                        .post(
                                meetingPage,
                                Map.of(
                                        "weekday",
                                        "THURSDAY",
                                        "time",
                                        "09:30",
                                        "duration",
                                        "45",
                                        "link",
                                        "https://meet.example.nl/cafe-noord"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(notified(classmate)).as("a change is news again").isEqualTo(2);
        assertThat(classmate.get(ics).body()).contains("SEQUENCE:1", "BYDAY=TH");
    }

    private int notified(LaunchedUser member) {
        return db.fetchCount(
                NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(userIdOf(member)), NOTIFICATION.KIND.eq("cafe-meeting"));
    }

    @Test
    void aMemberWhoLeavesKeepsWhatTheyWroteVisibleToTheGroupAsAFormerMemberUnlessDeleted() throws Exception {
        long channel = groupChannel(users.student());
        post(classmate, channel, "Tot ziens allemaal, ik ga naar een andere school");
        long kept = latestMessage(channel);
        post(classmate, channel, "Dit haal ik nog weg");
        long deleted = latestMessage(channel);
        assertThat(classmate
                        .post(messagePath(channel, deleted) + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        String before =
                messageIn(users.student().get("/cafe/channels/" + channel).body(), kept);
        assertThat(before).doesNotContain("(former member)");

        assertThat(users.teacher()
                        .post("/teacher/cafe/groups/" + group + "/members/" + userIdOf(classmate) + "/leave", Map.of())
                        .statusCode())
                .isEqualTo(302);

        String page = users.student().get("/cafe/channels/" + channel).body();
        assertThat(messageIn(page, kept))
                .as("what they wrote stays, with their name and as a former member")
                .contains("Tot ziens allemaal, ik ga naar een andere school", "(former member)")
                .contains(before.replaceAll("(?s).*?<strong>([^<]*)</strong>.*", "$1"));
        assertThat(messageIn(page, deleted))
                .contains("This message was deleted by its writer.")
                .doesNotContain("Dit haal ik nog weg");
        assertThat(messageIn(users.teacher().get("/cafe/channels/" + channel).body(), kept))
                .as("the coach sees the same")
                .contains("(former member)");
        assertThat(users.student()
                        .get("/cafe/channels/" + channel + "/changes?after=0")
                        .body())
                .as("the catch-up renders them the same way")
                .contains("Tot ziens allemaal", "(former member)");
        try (BufferedReader stream = openStream(users.student(), channel)) {
            assertThat(nextData(stream)).isNotNull();
            assertThat(users.teacher()
                            .post(messagePath(channel, kept) + "/hide", Map.of("note", "Oud bericht"))
                            .statusCode())
                    .isEqualTo(302);
            assertThat(nextData(stream))
                    .as("and so does the live rendering outside a request")
                    .contains("(former member)", "Hidden by the coach");
        }
        assertThat(classmate.get("/cafe/channels/" + channel).statusCode())
                .as("the former member no longer reads the group")
                .isEqualTo(404);
        assertThat(users.student().get("/student/cafe").body())
                .as("nor can anyone open a private channel with them")
                .doesNotContain("value=\"" + userIdOf(classmate) + "\"");
    }

    /** The list item of one message on a channel page. */
    private static String messageIn(String page, long message) {
        Matcher item = Pattern.compile("(?s)<li id=\"cafe-message-" + message + "\".*?</li>\\s*(?=<li|</ol>)")
                .matcher(page);
        assertThat(item.find()).as("message " + message + " on the page").isTrue();
        return item.group();
    }

    @Test
    void linksInTheLiveRenderingStartWithTheApplicationsContextPath() {
        long channel = groupChannel(users.student());
        postWithFiles(
                users.student(),
                channel,
                "Met bijlage",
                MultipartForm.empty().file("files", "foto.png", "image/png", pngUnchecked()));
        Channel read = channels.readableBy(asCurrentUser(classmate, java.util.Locale.ENGLISH), channel)
                .orElseThrow();
        List<CafeMessages.Message> changed = messages.changedAfter(channel, 0);
        LiveMessages.Viewer viewer =
                new LiveMessages.Viewer(userIdOf(classmate), false, java.util.Locale.ENGLISH, "/leerlog");
        String html = live.render(read, read.group().coachId(), List.of(), changed, java.util.Set.of(viewer))
                .get(viewer);
        long fileId = changed.getFirst().files().getFirst().id();
        assertThat(html).contains("href=\"/leerlog/cafe/channels/" + channel + "/files/" + fileId + "\"");
    }

    @Test
    void aRefusedFileSendsNothingAndSaysWhy() {
        long channel = groupChannel(users.student());
        HttpResponse<String> refused = postWithFiles(
                users.student(),
                channel,
                "Kijk eens",
                MultipartForm.empty()
                        .file("files", "foto.png", "image/png", pngUnchecked())
                        .file(
                                "files",
                                "rooster.pdf",
                                "application/pdf",
                                "MZ\u0090\u0000not a pdf".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Not sent: some files cannot be added.", "rooster.pdf is not a kind of file Leerlog accepts");
        HttpResponse<String> tooMany = postWithFiles(
                users.student(),
                channel,
                "Vier foto's",
                MultipartForm.empty()
                        .file("files", "1.png", "image/png", pngUnchecked())
                        .file("files", "2.png", "image/png", pngUnchecked())
                        .file("files", "3.png", "image/png", pngUnchecked())
                        .file("files", "4.png", "image/png", pngUnchecked()));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("A message takes at most 3 files.");
        assertThat(db.fetchCount(CAFE_MESSAGE, CAFE_MESSAGE.CHANNEL_ID.eq(channel)))
                .as("neither the message nor its accepted file is stored")
                .isZero();
    }

    @Test
    void aDeletedMessageLosesItsFilesAndAHiddenOneKeepsThemForTheCoachOnly() {
        long channel = groupChannel(users.student());
        postWithFiles(
                classmate,
                channel,
                "Hier niet",
                MultipartForm.empty().file("files", "foto.png", "image/png", pngUnchecked()));
        long hidden = latestMessage(channel);
        String hiddenFile =
                fileLinkIn(classmate.get("/cafe/channels/" + channel).body());
        users.teacher().post(messagePath(channel, hidden) + "/hide", Map.of("note", "Niet hier"));
        assertThat(users.student().get("/cafe/channels/" + channel).body()).doesNotContain(hiddenFile);
        assertThat(download(users.student(), hiddenFile).statusCode()).isEqualTo(404);
        assertThat(users.teacher().get("/cafe/channels/" + channel).body()).contains(hiddenFile);
        assertThat(download(users.teacher(), hiddenFile).statusCode()).isEqualTo(200);

        postWithFiles(
                users.student(),
                channel,
                "Verkeerde foto",
                MultipartForm.empty().file("files", "foto.png", "image/png", pngUnchecked()));
        long deleted = latestMessage(channel);
        String deletedFile = fileLinkIn(
                users.student().get("/cafe/channels/" + channel).body().replace(hiddenFile, ""));
        users.student().post(messagePath(channel, deleted) + "/delete", Map.of());
        assertThat(download(classmate, deletedFile).statusCode()).isEqualTo(404);
        assertThat(download(users.student(), deletedFile).statusCode()).isEqualTo(404);
        assertThat(db.fetchCount(CAFE_ATTACHMENT, CAFE_ATTACHMENT.MESSAGE_ID.eq(deleted)))
                .as("the file goes with the text")
                .isZero();
    }

    private static final Pattern FILE = Pattern.compile("/cafe/channels/\\d+/files/\\d+");

    private static String fileLinkIn(String page) {
        Matcher found = FILE.matcher(page);
        assertThat(found.find()).as("a file link").isTrue();
        return found.group();
    }

    private static HttpResponse<String> postWithFiles(
            LaunchedUser writer, long channel, String body, MultipartForm form) {
        MultipartForm complete = form.field("body", body);
        return writer.browser()
                .send(writer.request("/cafe/channels/" + channel + "/messages")
                        .header("Content-Type", complete.contentType())
                        .POST(complete.publisher()));
    }

    private static HttpResponse<byte[]> download(LaunchedUser reader, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(reader.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] pngUnchecked() {
        try {
            return png();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BufferedReader openStream(LaunchedUser user, long channel) throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        user.request("/cafe/channels/" + channel + "/stream")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    }

    @Test
    void spreadingPutsTheStudentsWithoutAGroupInTheSmallestGroups() {
        CourseUsers course = launchCourse();
        List<LaunchedUser> students = new ArrayList<>(List.of(course.student()));
        for (int i = 0; i < 4; i++) {
            students.add(classmateOf(course.student()));
        }
        long first = makeGroup(course.teacher(), "Groep 1", null);
        long second = makeGroup(course.teacher(), "Groep 2", null);
        join(course.teacher(), first, students.getFirst());

        assertThat(course.teacher()
                        .post("/teacher/cafe/groups/spread", Map.of())
                        .statusCode())
                .isEqualTo(302);
        String page = course.teacher().get("/teacher/cafe/groups").body();
        assertThat(page).contains("Groep 1 (3 members)", "Groep 2 (2 members)");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aCoachMustBeATeacherOfTheCourse() {
        HttpResponse<String> refused = users.teacher()
                .post(
                        "/teacher/cafe/groups",
                        Map.of("name", "Café Zuid", "coachId", Long.toString(userIdOf(users.otherTeacher()))));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose a teacher of this course as coach.");
        assertThat(users.student().get("/teacher/cafe/groups").statusCode()).isEqualTo(403);
        assertThat(users.otherTeacher()
                        .post("/teacher/cafe/groups/" + group + "/members", Map.of("student", "1"))
                        .statusCode())
                .isEqualTo(404);
    }

    private long makeGroup(LaunchedUser coordinator, String name, Long coach) {
        HttpResponse<String> made = coordinator.post(
                "/teacher/cafe/groups",
                coach == null ? Map.of("name", name) : Map.of("name", name, "coachId", "" + coach));
        assertThat(made.statusCode()).isEqualTo(302);
        long course = courseIdOf(coordinator);
        return db.select(CAFE_GROUP.ID)
                .from(CAFE_GROUP)
                .where(CAFE_GROUP.COURSE_ID.eq(course), CAFE_GROUP.NAME.eq(name))
                .fetchSingle(CAFE_GROUP.ID);
    }

    private void join(LaunchedUser coordinator, long groupId, LaunchedUser... students) {
        List<String> fields = new ArrayList<>();
        for (LaunchedUser student : students) {
            fields.add("student=" + userIdOf(student));
        }
        assertThat(coordinator
                        .post("/teacher/cafe/groups/" + groupId + "/members", fields)
                        .statusCode())
                .isEqualTo(302);
    }

    private long groupChannel(LaunchedUser member) {
        Matcher found = CHANNEL.matcher(member.get("/student/cafe").body());
        assertThat(found.find()).as("a channel link").isTrue();
        return Long.parseLong(found.group(1));
    }

    private static long channelIn(String path) {
        Matcher found = CHANNEL.matcher(path);
        assertThat(found.find()).isTrue();
        return Long.parseLong(found.group(1));
    }

    private static HttpResponse<String> post(LaunchedUser writer, long channel, String body) {
        return writer.post("/cafe/channels/" + channel + "/messages", Map.of("body", body));
    }

    private long latestMessage(long channel) {
        return db.select(CAFE_MESSAGE.ID)
                .from(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.CHANNEL_ID.eq(channel))
                .orderBy(CAFE_MESSAGE.ID.desc())
                .limit(1)
                .fetchSingle(CAFE_MESSAGE.ID);
    }

    private static String messagePath(long channel, long message) {
        return "/cafe/channels/" + channel + "/messages/" + message;
    }

    /** The data of the next event on the stream, waiting at most five seconds. */
    private static String nextData(BufferedReader lines) throws Exception {
        CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line.substring(5).strip();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return data.get(5, TimeUnit.SECONDS);
    }
}
