package nl.leerlog.tool.supervisor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A workplace supervisor answered the request on a student's link. The learning log hears it, in the same
 * transaction, and writes the answer into the student's log as a learning moment from the supervisor.
 *
 * @param linkId the link answered, to write one moment however often the event is heard
 * @param supervisorName the name the supervisor confirmed
 * @param request the student's question, or null when the link asked for feedback without one
 * @param answer what the supervisor wrote
 * @param answeredOn the day it was answered, as the student's log dates it
 * @param locale the student's language when they made the link
 */
public record SupervisorAnswered(
        long linkId,
        long courseId,
        long studentId,
        String supervisorName,
        String request,
        String answer,
        LocalDate answeredOn,
        Instant answeredAt,
        Locale locale) {}
