package nl.leerlog.tool.programme.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a change to a programme row gets when the row is not of the course of the session: "not found", the same
 * as a row that never existed, so a teacher of another course learns nothing about this course.
 */
final class CourseRecordNotFound {

    private CourseRecordNotFound() {}

    static ResponseStatusException exception() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
