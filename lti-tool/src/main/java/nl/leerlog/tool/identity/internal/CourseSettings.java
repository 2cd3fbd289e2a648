package nl.leerlog.tool.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Course membership settings, bound from {@code leerlog.course.*}.
 *
 * @param teacherRecheck how long a confirmed teacher enrolment is trusted on one instance before a teacher page
 *     reads it again: a teacher removed from the course (roster sync) or demoted loses the teacher pages
 *     within this time, though their session lasts hours
 */
@ConfigurationProperties("leerlog.course")
public record CourseSettings(@DefaultValue("2m") Duration teacherRecheck) {}
