package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.REFLECTION_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The student downloads everything of theirs in the course as one zip: their records as JSON with its schema, a
 * readable portfolio and their evidence files; nothing of a classmate, and nobody else gets it.
 */
class ExportTests extends LaunchedCourseTests {

    static final byte[] PHOTO = "GIF89a a photo of the reading corner".getBytes(StandardCharsets.US_ASCII);

    CourseUsers users;
    LaunchedUser classmate;
    long evidenceId;

    @BeforeEach
    void aStudentWithALogAndAClassmateWithOne() {
        users = launchCourse();
        Owner owner = ownerOf(users.student());
        long moment =
                rows().moment(owner, "Reading corner <script>alert(1)</script>", "We read *Dikkie Dik* together.");
        evidenceId = rows().evidence(owner, moment, "reading corner.gif", "image/gif", PHOTO);
        long deleted = rows().moment(owner, "A moment I deleted");
        rows().deleteMoment(deleted);
        rows().goal(owner.courseId(), owner.userId(), "Lead a circle time on my own");
        db.insertInto(INTERNSHIP)
                .set(INTERNSHIP.COURSE_ID, owner.courseId())
                .set(INTERNSHIP.STUDENT_ID, owner.userId())
                .set(INTERNSHIP.ORGANISATION, "Kindcentrum De Regenboog")
                .set(INTERNSHIP.SUPERVISOR_NAME, "Ingrid Jansen")
                .set(INTERNSHIP.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
        long reflection = db.insertInto(REFLECTION)
                .set(REFLECTION.COURSE_ID, owner.courseId())
                .set(REFLECTION.OWNER_ID, owner.userId())
                .set(REFLECTION.MOMENT_ID, moment)
                .set(REFLECTION.MODEL_ID, rows().builtInModel("feedback"))
                .set(REFLECTION.TITLE, "Looking back on the reading corner")
                .set(REFLECTION.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(REFLECTION.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(REFLECTION.ID)
                .fetchSingle(REFLECTION.ID);
        db.insertInto(REFLECTION_ANSWER)
                .set(REFLECTION_ANSWER.REFLECTION_ID, reflection)
                .set(REFLECTION_ANSWER.STEP_KEY, "feedback")
                .set(REFLECTION_ANSWER.ANSWER, "The children listened well.")
                .execute();

        classmate = classmateOf(users.student());
        Owner other = ownerOf(classmate);
        long theirs = rows().moment(other, "Classmate's own moment");
        rows().evidence(
                        other,
                        theirs,
                        "classmate.gif",
                        "image/gif",
                        "GIF89a theirs".getBytes(StandardCharsets.US_ASCII));
        rows().goal(other.courseId(), other.userId(), "Classmate's own goal");
    }

    @Test
    void theZipHoldsTheStudentsRecordsAsJsonWithItsSchemaAPortfolioAndTheirFiles() throws IOException {
        Map<String, byte[]> zip = unzip(download(users.student(), "/student/privacy/export"));

        assertThat(zip)
                .containsOnlyKeys(
                        "leerlog.json",
                        "leerlog.schema.json",
                        "portfolio.html",
                        "files/moments/" + evidenceId + "-reading_corner.gif");
        assertThat(zip.get("files/moments/" + evidenceId + "-reading_corner.gif"))
                .isEqualTo(PHOTO);

        JsonNode json = JsonMapper.builder().build().readTree(zip.get("leerlog.json"));
        assertThat(json.get("format").asString()).isEqualTo("leerlog-export");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("student").get("id").asLong()).isEqualTo(userIdOf(users.student()));
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        json.get("sections").forEach(section -> sections.put(section.get("kind").asString(), section.get("records")));
        assertThat(sections)
                .containsOnlyKeys("internship", "goals", "moments", "reflections", "saved", "supervisorLinks");

        assertThat(sections.get("moments")).hasSize(1);
        JsonNode moment = sections.get("moments").get(0);
        assertThat(moment.get("title").asString()).isEqualTo("Reading corner <script>alert(1)</script>");
        assertThat(moment.get("fields").get("text").asString()).isEqualTo("We read *Dikkie Dik* together.");
        JsonNode file = moment.get("files").get(0);
        assertThat(file.get("path").asString()).isEqualTo("files/moments/" + evidenceId + "-reading_corner.gif");
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(PHOTO.length);
        assertThat(sections.get("goals").get(0).get("title").asString()).isEqualTo("Lead a circle time on my own");
        assertThat(sections.get("internship")
                        .get(0)
                        .get("fields")
                        .get("organisation")
                        .asString())
                .isEqualTo("Kindcentrum De Regenboog");
        JsonNode reflection = sections.get("reflections").get(0);
        assertThat(reflection.get("fields").get("answer.feedback").asString()).isEqualTo("The children listened well.");
        assertThat(reflection.get("fields").get("moment").asString())
                .isEqualTo("Reading corner <script>alert(1)</script>");

        String schema = new String(zip.get("leerlog.schema.json"), StandardCharsets.UTF_8);
        assertThat(schema).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");

        String portfolio = new String(zip.get("portfolio.html"), StandardCharsets.UTF_8);
        assertThat(portfolio)
                .contains("Reading corner &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script")
                .contains("Kindcentrum De Regenboog", "Lead a circle time on my own", "The children listened well.")
                .contains("href=\"files/moments/" + evidenceId + "-reading_corner.gif\"");

        String everything = new String(zip.get("leerlog.json"), StandardCharsets.UTF_8) + portfolio;
        assertThat(everything).doesNotContain("Classmate's own", "classmate.gif", "A moment I deleted");
    }

    @Test
    void theClassmatesZipHoldsOnlyTheirsAndNobodyButAStudentGetsOne() throws IOException {
        Map<String, byte[]> zip = unzip(download(classmate, "/student/privacy/export"));
        String json = new String(zip.get("leerlog.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("Classmate's own moment", "Classmate's own goal")
                .doesNotContain("Reading corner");
        assertThat(zip.keySet()).noneMatch(name -> name.contains("reading_corner"));

        for (LaunchedUser someone : List.of(users.teacher(), users.otherTeacher())) {
            assertThat(someone.get("/student/privacy/export").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePrivacyPageOffersTheDownload() {
        assertThat(users.student().get("/student/privacy").body())
                .contains("href=\"/student/privacy/export\"", "Download everything of yours in this course");
    }

    private static byte[] download(LaunchedUser student, String path) {
        HttpResponse<byte[]> response = ExportDownloads.get(student, path, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        return response.body();
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
