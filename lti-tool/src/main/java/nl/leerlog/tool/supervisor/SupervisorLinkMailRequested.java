package nl.leerlog.tool.supervisor;

import java.time.Instant;
import java.util.Locale;

/**
 * A student asked to send their new supervisor link to the supervisor's address. Published in the transaction that
 * made the link: the mail is queued with it or not at all. The link's token is only in {@code path}: it is stored
 * nowhere else but in the mail itself.
 *
 * @param linkId the link, to make one mail of it however often the event is heard
 * @param studentName the student's name as the LMS shares it, or null when it shares none
 * @param path the link's path on the tool, e.g. {@code /supervisor/…}
 * @param request the student's question to the supervisor, or null
 * @param locale the student's language, which the mail is written in
 */
public record SupervisorLinkMailRequested(
        long linkId,
        long courseId,
        long studentId,
        String studentName,
        String supervisorName,
        String supervisorEmail,
        String path,
        String request,
        Instant expiresAt,
        Locale locale) {}
