package nl.leerlog.tool.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository of a student's private records: every public method takes the {@link Owner} first and
 * every query includes {@link Owner#owns}. {@code PrivateRecordsTests} holds every such class to that.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrivateRecords {}
