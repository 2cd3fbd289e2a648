package nl.leerlog.tool.guidance.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.InternshipTeachers.Member;
import nl.leerlog.tool.web.CsvRows;

/**
 * Reads a file that links students to internship teachers: columns {@code student,teacher}, each person named by
 * their LMS login id, e-mail or LMS user id; the header row optional. Every line is checked against the course's
 * active members and refused on its own with the reason; a file that is not CSV text is refused as a whole.
 */
final class InternshipTeacherCsv {

    static final int MAX_BYTES = 1_000_000;
    static final int MAX_ROWS = 10_000;

    private static final Set<String> HEADERS = Set.of("student", "leerling", "studentnummer");

    /** A line to link: the student and the teacher it names. */
    record Link(long line, long studentId, long teacherId) {}

    /** A refused line: its number, the column at fault ({@code student}, {@code teacher} or null) and a message key. */
    record Refusal(long line, String column, String reason) {}

    /** The links read, the lines refused, or the reason the whole file is refused (a message key). */
    record Reading(List<Link> links, List<Refusal> refused, String fileError) {}

    private InternshipTeacherCsv() {}

    static Reading read(byte[] content, List<Member> members) {
        CsvRows.Reading file = CsvRows.read(content, MAX_BYTES, MAX_ROWS);
        if (file.problem() != null) {
            return new Reading(List.of(), List.of(), file.problem().key("links.import.error."));
        }
        People people = new People(members);
        List<Link> links = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Map<Long, Long> studentsSeen = new HashMap<>();
        List<CsvRows.Row> rows = file.rows();
        boolean header = HEADERS.contains(rows.getFirst().cells().getFirst().toLowerCase(Locale.ROOT));
        for (CsvRows.Row row : header ? rows.subList(1, rows.size()) : rows) {
            List<String> cells = row.cells();
            if (cells.size() != 2) {
                refused.add(new Refusal(row.line(), null, "links.import.refused.columns"));
                continue;
            }
            Found student = people.find(cells.get(0), CourseRole.STUDENT);
            if (student.refusal() != null) {
                refused.add(new Refusal(row.line(), "student", student.refusal()));
                continue;
            }
            Found teacher = people.find(cells.get(1), CourseRole.TEACHER);
            if (teacher.refusal() != null) {
                refused.add(new Refusal(row.line(), "teacher", teacher.refusal()));
                continue;
            }
            if (studentsSeen.putIfAbsent(student.id(), row.line()) != null) {
                refused.add(new Refusal(row.line(), "student", "links.import.refused.duplicate"));
                continue;
            }
            links.add(new Link(row.line(), student.id(), teacher.id()));
        }
        return new Reading(List.copyOf(links), List.copyOf(refused), null);
    }

    private record Found(long id, String refusal) {}

    /** The course's members by each of their identifiers, case-insensitively for login ids and e-mail. */
    private static final class People {

        private final Map<String, Set<Member>> byName = new HashMap<>();
        private final Map<String, Member> bySubject = new HashMap<>();

        People(List<Member> members) {
            for (Member member : members) {
                for (String name : new String[] {member.loginId(), member.email()}) {
                    if (name != null) {
                        byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new HashSet<>())
                                .add(member);
                    }
                }
                bySubject.put(member.subject(), member);
            }
        }

        Found find(String identifier, CourseRole role) {
            if (identifier.isBlank()) {
                return new Found(0, "links.import.refused.empty");
            }
            Set<Member> matches = new HashSet<>(byName.getOrDefault(identifier.toLowerCase(Locale.ROOT), Set.of()));
            Member bySub = bySubject.get(identifier);
            if (bySub != null) {
                matches.add(bySub);
            }
            if (matches.isEmpty()) {
                return new Found(0, "links.import.refused.unknown");
            }
            if (matches.size() > 1) {
                return new Found(0, "links.import.refused.ambiguous");
            }
            Member member = matches.iterator().next();
            if (member.role() != role) {
                return new Found(
                        0,
                        role == CourseRole.STUDENT
                                ? "links.import.refused.not-student"
                                : "links.import.refused.not-teacher");
            }
            return new Found(member.id(), null);
        }
    }
}
