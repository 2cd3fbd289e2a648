package nl.leerlog.tool.learninglog.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/**
 * The learning-moment form exactly as the student filled it in, bound by Spring and kept as text so that a form
 * with errors shows everything again: the typed date and minutes, the ticked boxes, every row of people
 * ({@code personName} and {@code personRole} come in pairs, one pair per row). The constraints are the rules that
 * hold whatever the course offers; {@link MomentFormCheck} checks the form against what it offers.
 */
@MomentForm.People
public record MomentForm(
        @NotBlank(message = "log.error.date.required") @MomentForm.IsoDate
        String occurredOn,

        @MomentForm.Minutes String minutes,

        @TypeableText(max = MomentForm.MAX_TITLE, required = true, keys = "log.error.title.")
        String title,

        @TypeableText(max = MomentForm.MAX_BODY, keys = "log.error.body.")
        String body,

        String categoryId,
        List<String> goalIds,
        List<String> competencyIds,
        List<String> personName,
        List<String> personRole,
        String action) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_PERSON = 200;
    static final int MAX_MINUTES = 1440;

    /** Rows of people the form always offers beyond the filled-in ones: enough for most moments, no script needed. */
    static final int EMPTY_PEOPLE_ROWS = 2;

    static final int MIN_PEOPLE_ROWS = 3;

    /** The one-line fields stripped, the ticked ids each once; the text is kept as written. */
    public MomentForm {
        occurredOn = strip(occurredOn);
        minutes = strip(minutes);
        title = strip(title);
        body = body == null ? "" : body;
        categoryId = strip(categoryId);
        goalIds = distinct(goalIds);
        competencyIds = distinct(competencyIds);
        personName = personName == null ? List.of() : List.copyOf(personName);
        personRole = personRole == null ? List.of() : List.copyOf(personRole);
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
                moment.people().stream().map(Person::name).toList(),
                moment.people().stream()
                        .map(p -> p.role() == null ? "" : p.role())
                        .toList(),
                moment.draft() ? "draft" : "save");
    }

    static MomentForm empty(LocalDate today) {
        return new MomentForm(today.toString(), "", "", "", "", List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Saved as a draft, when the programme's required fields may still be empty. */
    public boolean draft() {
        return "draft".equals(action);
    }

    /** The filled-in rows of people, stripped; a row with neither name nor role is no person. */
    public List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < Math.max(personName.size(), personRole.size()); i++) {
            String name = i < personName.size() ? strip(personName.get(i)) : "";
            String role = i < personRole.size() ? strip(personRole.get(i)) : "";
            if (!name.isEmpty() || !role.isEmpty()) {
                people.add(new Person(name, role));
            }
        }
        return List.copyOf(people);
    }

    /** The people rows to show: the filled-in ones and a few empty ones. */
    public List<Person> peopleRows() {
        List<Person> rows = new ArrayList<>(people());
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

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> distinct(List<String> values) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value != null && !value.isBlank()) {
                distinct.add(value.strip());
            }
        }
        return List.copyOf(distinct);
    }

    /** The date as a date input sends it (ISO, yyyy-mm-dd), or {@code null} when it is none. */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** A date as year-month-day; blank is {@code @NotBlank}'s to say. */
    @Documented
    @Constraint(validatedBy = IsoDate.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface IsoDate {

        String message() default "log.error.date.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<IsoDate, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank() || date(value) != null;
            }
        }
    }

    /** Time spent as minutes ("90") or hours and minutes ("1:30"), at most a day; blank passes. */
    @Documented
    @Constraint(validatedBy = Minutes.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Minutes {

        String message() default "log.error.minutes.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Minutes, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isBlank()) {
                    return true;
                }
                Integer minutes = MomentFormCheck.minutes(value.strip());
                return minutes != null && minutes >= 0 && minutes <= MAX_MINUTES;
            }
        }
    }

    /**
     * Every filled-in row of people has a name, and names and roles fit their columns. Reported at
     * {@code personName}, which the page shows as the people's field.
     */
    @Documented
    @Constraint(validatedBy = People.Validator.class)
    @Target({ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface People {

        String message() default "log.error.people.name";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<People, MomentForm> {

            private static final TypeableTextRule TEXT =
                    new TypeableTextRule(MAX_PERSON, false, false, "log.error.people.");

            @Override
            public boolean isValid(MomentForm form, ConstraintValidatorContext context) {
                List<Person> people = form.people();
                String problem = people.stream().anyMatch(p -> p.name().isEmpty())
                        ? "log.error.people.name"
                        : people.stream()
                                .flatMap(p -> java.util.stream.Stream.of(p.name(), p.role()))
                                .map(TEXT::problem)
                                .filter(java.util.Objects::nonNull)
                                .findFirst()
                                .orElse(null);
                if (problem == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem)
                        .addPropertyNode("personName")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
