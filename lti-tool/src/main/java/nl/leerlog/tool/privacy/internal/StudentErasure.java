package nl.leerlog.tool.privacy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.identity.CourseRecords;
import nl.leerlog.tool.privacy.ErasableRecords;
import org.springframework.stereotype.Component;

/**
 * Erases everything of one student in one course: every feature's records and files, in the features' order, and
 * last their enrolment. Each step stands alone and may be repeated, so a run that fails half-way is finished by the
 * next.
 */
@Component
record StudentErasure(List<ErasableRecords> features, CourseRecords courses) {

    /** How many records of each kind went. */
    Map<String, Integer> erase(long courseId, long userId) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (ErasableRecords feature : features) {
            byKind.merge(feature.kind(), feature.eraseStudent(courseId, userId), Integer::sum);
        }
        byKind.put("enrolment", courses.forgetMember(courseId, userId));
        return byKind;
    }
}
