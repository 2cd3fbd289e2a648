package nl.leerlog.tool.guidance.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.Share;
import nl.leerlog.tool.privacy.SharedRecords;
import org.springframework.stereotype.Component;

/**
 * The items a student shares in their guidance questions, for their sharing page. Revoking one is the thread's own
 * withdrawal: the copy goes at once, the teacher's open thread shows it gone on its next poll, and the thread says
 * the student withdrew an item.
 */
@Component
record GuidanceShares(GuidanceQuestions questions, InternshipTeachers teachers) implements SharedRecords {

    static final String KIND = "guidance";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Share> sharedBy(Owner owner) {
        List<GuidanceQuestions.SharedNow> shared = questions.sharedNow(owner);
        if (shared.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = teachers.teachers(owner.courseId()).stream()
                .filter(teacher -> teacher.name() != null)
                .collect(Collectors.toMap(InternshipTeachers.Person::id, InternshipTeachers.Person::name, (a, b) -> a));
        return shared.stream()
                .map(item -> new Share(
                        KIND,
                        item.questionId() + "-" + item.itemId(),
                        item.title(),
                        names.get(item.teacherId()),
                        item.questionTitle(),
                        "/student/guidance/" + item.questionId(),
                        item.since(),
                        null))
                .toList();
    }

    @Override
    public boolean revoke(Owner owner, String ref, Instant now) {
        String[] ids = ref.split("-", -1);
        if (ids.length != 2 || !ids[0].matches("\\d{1,18}") || !ids[1].matches("\\d{1,18}")) {
            return false;
        }
        return questions.withdraw(owner, Long.parseLong(ids[0]), Long.parseLong(ids[1]), now);
    }
}
