package nl.leerlog.tool.registration.internal;

import nl.leerlog.lti.toolconfig.PrivacyLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Leerlog asks of Canvas, bound from {@code leerlog.canvas.*}.
 *
 * @param privacyLevel what Canvas shares about users ({@code public}, {@code name_only}, {@code email_only},
 *     {@code anonymous}). Default {@code public}: an internship teacher finds interns on the dashboard by name,
 *     a coordinator links students to teachers by name, and a student picks who answers a guidance question by
 *     name; without names the course would show opaque ids. {@code name_only} works too (no email, so no mail
 *     notifications); {@code anonymous} leaves a course that nobody can find their way in
 */
@ConfigurationProperties("leerlog.canvas")
public record CanvasSettings(@DefaultValue("public") PrivacyLevel privacyLevel) {}
