package nl.leerlog.tool.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;

/** A student linked to their internship teacher who shares learning moments in a guidance question, as in the app. */
record SharedThreads(LearningLogRows rows, InternshipTeachers links) {

    void link(long courseId, long studentId, long teacherId) {
        links.link(courseId, List.of(studentId), teacherId, Instant.now());
    }

    /** Sends a question with the student's new moments of these titles; the student's path of its thread. */
    String ask(LaunchedUser student, Owner owner, String question, String... momentTitles) {
        List<String> fields = new ArrayList<>();
        for (String title : momentTitles) {
            fields.add("items=moment:" + rows.moment(owner, title, "What happened at " + title));
        }
        fields.add("title=" + question);
        fields.add("question=Could you help me with this?");
        fields.add("answerForm=WRITTEN");
        HttpResponse<String> sent = student.post("/student/guidance/new", fields);
        assertThat(sent.statusCode()).as("question sent").isEqualTo(302);
        return URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
    }
}
