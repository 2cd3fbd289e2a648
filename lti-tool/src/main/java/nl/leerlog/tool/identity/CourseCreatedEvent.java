package nl.leerlog.tool.identity;

import java.util.Locale;

/**
 * Published when the first launch from a course creates it in Leerlog, so that features can give the course what
 * it starts with (e.g. the programme's default categories).
 *
 * @param locale the language of the person whose launch created the course
 */
public record CourseCreatedEvent(long courseId, Locale locale) {}
