package nl.leerlog.tool.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The menu section a controller's pages belong to. The web kit refuses the section to a user whose menu lacks it
 * (not found, before the handler runs) and adds the menu to every page the controller renders, so no controller
 * builds navigation by hand. A section that depends on the request uses {@link Navigation#addTo} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Section {

    /** One of {@link Navigation#STUDENT_SECTIONS} or {@link Navigation#TEACHER_SECTIONS}. */
    String value();
}
