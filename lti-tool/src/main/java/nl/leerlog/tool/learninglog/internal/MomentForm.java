package nl.leerlog.tool.learninglog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The learning-moment form exactly as the student filled it in, kept as text so that a form with errors shows
 * everything again: the typed date and minutes, the ticked boxes, every row of people.
 */
public record MomentForm(
        String occurredOn,
        String minutes,
        String title,
        String body,
        String categoryId,
        List<String> goalIds,
        List<String> competencyIds,
        List<Person> people,
        boolean draft) {

    /** Rows of people the form always offers beyond the filled-in ones: enough for most moments, no script needed. */
    static final int EMPTY_PEOPLE_ROWS = 2;

    static final int MIN_PEOPLE_ROWS = 3;

    public MomentForm {
        goalIds = List.copyOf(goalIds);
        competencyIds = List.copyOf(competencyIds);
        people = List.copyOf(people);
    }

    /** Reads the posted fields; {@code personName} and {@code personRole} come in pairs, one pair per row. */
    static MomentForm from(MultiValueMap<String, String> params) {
        List<String> names = params.getOrDefault("personName", List.of());
        List<String> roles = params.getOrDefault("personRole", List.of());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < Math.max(names.size(), roles.size()); i++) {
            String name = i < names.size() ? names.get(i).strip() : "";
            String role = i < roles.size() ? roles.get(i).strip() : "";
            if (!name.isEmpty() || !role.isEmpty()) {
                people.add(new Person(name, role));
            }
        }
        return new MomentForm(
                text(params, "occurredOn"),
                text(params, "minutes"),
                text(params, "title"),
                params.getFirst("body") == null ? "" : params.getFirst("body"),
                text(params, "categoryId"),
                values(params, "goalIds"),
                values(params, "competencyIds"),
                people,
                "draft".equals(params.getFirst("action")));
    }

    static MomentForm of(MomentDetails moment) {
        return new MomentForm(
                moment.occurredOn().toString(),
                moment.minutesSpent() == null ? "" : moment.minutesSpent().toString(),
                moment.title(),
                moment.bodySource(),
                moment.category() == null
                        ? ""
                        : String.valueOf(moment.category().id()),
                moment.goalIds().stream().map(String::valueOf).toList(),
                moment.competencyIds().stream().map(String::valueOf).toList(),
                moment.people(),
                moment.draft());
    }

    static MomentForm empty(java.time.LocalDate today) {
        return new MomentForm(today.toString(), "", "", "", "", List.of(), List.of(), List.of(), false);
    }

    /** The people rows to show: the filled-in ones and a few empty ones. */
    public List<Person> peopleRows() {
        List<Person> rows = new ArrayList<>(people);
        int empty = Math.max(EMPTY_PEOPLE_ROWS, MIN_PEOPLE_ROWS - rows.size());
        for (int i = 0; i < empty; i++) {
            rows.add(new Person("", ""));
        }
        return rows;
    }

    public boolean hasGoal(long id) {
        return goalIds.contains(String.valueOf(id));
    }

    public boolean hasCompetency(long id) {
        return competencyIds.contains(String.valueOf(id));
    }

    public boolean hasCategory(long id) {
        return String.valueOf(id).equals(categoryId);
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        Set<String> distinct = params.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return List.copyOf(distinct);
    }
}
