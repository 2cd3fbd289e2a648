package nl.leerlog.tool.guidance.internal;

import java.net.http.HttpResponse;
import java.util.List;
import nl.leerlog.tool.CourseUsers.LaunchedUser;

/** The conversation form as the teacher's thread page sends it, to propose or to move, and what the page offers. */
final class ConversationForms {

    private ConversationForms() {}

    static HttpResponse<String> send(
            LaunchedUser teacher, String path, String date, String time, String minutes, String place) {
        return teacher.post(
                path,
                List.of(
                        "date=" + date,
                        "time=" + time,
                        "minutes=" + minutes,
                        "answerForm=VIDEO_CALL",
                        "place=" + place));
    }

    /** The conversation a thread page offers actions for. */
    static long conversationOf(String page) {
        return Long.parseLong(page.replaceAll("(?s).*?/conversations/(\\d+)/.*", "$1"));
    }
}
