package nl.leerlog.tool.learninglog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.tool.programme.MomentField;
import nl.leerlog.tool.web.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Checks a learning-moment form against what the course offers, after its own constraints. Date and title are
 * always required (the form's constraints say so); the
 * programme's required fields only when the student saves for real, so a draft can be saved half-way. Links to a
 * category, goal or competency the course does not offer this student are refused, draft or not.
 */
@Component
class MomentFormCheck {

    private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d{1,2}):([0-5]\\d)");

    /** What the course offers the student, as ids; and how many evidence files the moment will have. */
    record Offer(
            Set<Long> categories,
            Set<Long> goals,
            Set<Long> competencies,
            Set<MomentField> required,
            int evidenceFiles) {}

    /** The checked content, or the errors as message keys per field (in form order). */
    record Result(MomentContent content, Map<String, String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Clock clock;
    private final MarkdownText markdown;

    MomentFormCheck(Clock clock, MarkdownText markdown) {
        this.clock = clock;
        this.markdown = markdown;
    }

    /**
     * The form's own rules ({@code bound}: what the constraints on {@link MomentForm} found) and those that depend
     * on the course, the errors by field in form order.
     */
    Result check(MomentForm form, FieldErrors bound, Offer offer) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean strict = !form.draft();

        LocalDate date = MomentForm.date(form.occurredOn());
        if (bound.has("occurredOn")) {
            errors.put("occurredOn", bound.get("occurredOn"));
        } else if (date != null && date.isAfter(LocalDate.now(clock))) {
            errors.put("occurredOn", "log.error.date.future");
        }

        Integer minutes = form.minutes().isEmpty() ? null : minutes(form.minutes());
        if (bound.has("minutes")) {
            errors.put("minutes", bound.get("minutes"));
        } else if (minutes == null && strict && offer.required().contains(MomentField.MINUTES)) {
            errors.put("minutes", "log.error.minutes.required");
        }

        if (bound.has("title")) {
            errors.put("title", bound.get("title"));
        }
        if (bound.has("body")) {
            errors.put("body", bound.get("body"));
        }

        Long category = null;
        if (!form.categoryId().isEmpty()) {
            category = id(form.categoryId());
            if (category == null || !offer.categories().contains(category)) {
                errors.put("category", "log.error.category.unknown");
            }
        } else if (strict && offer.required().contains(MomentField.CATEGORY)) {
            errors.put("category", "log.error.category.required");
        }

        Set<Long> goals = ids(form.goalIds(), offer.goals());
        if (goals == null) {
            errors.put("goals", "log.error.goals.unknown");
        } else if (strict && goals.isEmpty() && offer.required().contains(MomentField.GOALS)) {
            errors.put("goals", "log.error.goals.required");
        }
        Set<Long> competencies = ids(form.competencyIds(), offer.competencies());
        if (competencies == null) {
            errors.put("competencies", "log.error.competencies.unknown");
        } else if (strict && competencies.isEmpty() && offer.required().contains(MomentField.COMPETENCIES)) {
            errors.put("competencies", "log.error.competencies.required");
        }

        List<Person> people = form.people();
        if (bound.has("personName")) {
            errors.put("people", bound.get("personName"));
        } else if (strict && people.isEmpty() && offer.required().contains(MomentField.PEOPLE)) {
            errors.put("people", "log.error.people.required");
        }

        if (strict && offer.evidenceFiles() == 0 && offer.required().contains(MomentField.EVIDENCE)) {
            errors.put("evidence", "log.error.evidence.required");
        }

        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        List<Person> stored = people.stream()
                .map(p -> new Person(p.name(), p.role().isEmpty() ? null : p.role()))
                .toList();
        return new Result(
                new MomentContent(
                        date,
                        minutes,
                        form.title(),
                        markdown.render(form.body()),
                        category,
                        goals,
                        competencies,
                        stored,
                        form.draft()),
                errors);
    }

    /** Minutes as a number ("90") or as hours and minutes ("1:30"); null when it is neither. */
    static Integer minutes(String text) {
        Matcher hm = HOURS_MINUTES.matcher(text);
        if (hm.matches()) {
            return Integer.parseInt(hm.group(1)) * 60 + Integer.parseInt(hm.group(2));
        }
        return text.matches("\\d{1,5}") ? Integer.parseInt(text) : null;
    }

    private static Long id(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }

    /** The chosen ids if every one is on offer; null if any is not. */
    private static Set<Long> ids(List<String> chosen, Set<Long> offered) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String text : chosen) {
            Long id = id(text);
            if (id == null || !offered.contains(id)) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }
}
