package nl.leerlog.tool.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Validation errors of one form, by field: each a message key the page shows next to its field. Forms are records
 * with Bean Validation constraints on them (free text by one rule, {@link TypeableText}), bound by Spring or, for
 * what does not come from a form (an import's rows), validated by hand: both give their errors here.
 */
public record FieldErrors(Map<String, String> byField) {

    public FieldErrors {
        byField = Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public static FieldErrors none() {
        return new FieldErrors(Map.of());
    }

    /** One field's mistake, by its message key. */
    public static FieldErrors of(String field, String key) {
        return new FieldErrors(Map.of(field, key));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /**
     * These errors and one more, for a rule that needs more than the form (today's date, the database), checked
     * after validation; a field keeps its first error.
     */
    public FieldErrors with(String field, String key) {
        Map<String, String> errors = new LinkedHashMap<>(byField);
        errors.putIfAbsent(field, key);
        return new FieldErrors(errors);
    }

    /** Only the errors of these fields: for a step of a form that uses part of it. */
    public FieldErrors only(String... fields) {
        Map<String, String> errors = new LinkedHashMap<>(byField);
        errors.keySet().retainAll(Set.of(fields));
        return new FieldErrors(errors);
    }

    public String get(String field) {
        return byField.get(field);
    }

    /**
     * The errors Spring bound and Bean Validation found, the first one per field. Our constraints report their
     * message key as the message; a value Spring could not convert to the field's type gets {@code form.error.type}.
     */
    public static FieldErrors of(BindingResult result) {
        List<Found> found = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            ConstraintViolation<?> violation =
                    error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null;
            found.add(new Found(error.getField(), key(error), violation == null ? -1 : rank(violation)));
        }
        return first(found);
    }

    /**
     * The violations of a form validated by hand (one row of an import, a form completed after binding), with the
     * same rules and the same keys as a bound form: the first one per field.
     */
    public static FieldErrors of(Set<? extends ConstraintViolation<?>> violations) {
        List<Found> found = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            found.add(new Found(field(violation.getPropertyPath()), violation.getMessage(), rank(violation)));
        }
        return first(found);
    }

    private record Found(String field, String key, long rank) {}

    /**
     * The first error per field, fields in the order the form declares them. Bean Validation reports in no
     * particular order, so when several constraints of one field fail, the one declared first is shown: declare
     * the text rule before a syntax rule, and "too long" is said rather than "not a URL".
     */
    private static FieldErrors first(List<Found> found) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingLong(Found::rank));
        Map<String, String> errors = new LinkedHashMap<>();
        for (Found error : sorted) {
            errors.putIfAbsent(error.field(), error.key());
        }
        return new FieldErrors(errors);
    }

    /** The field as Spring names it: {@code title}, {@code titleNl[2]}, {@code steps[0].title}. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            String name = node.getName();
            if (name != null && node.getKind() == ElementKind.PROPERTY && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.toString();
    }

    /** Where the violated constraint is declared: by the form's field, then by the constraints on that field. */
    private static long rank(ConstraintViolation<?> violation) {
        Class<?> form = violation.getRootBeanClass();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        String name = nodes.hasNext() ? nodes.next().getName() : null;
        java.lang.reflect.Field[] fields = form.getDeclaredFields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(name)) {
                return i * 1000L + 1 + position(fields[i].getDeclaredAnnotations(), violation);
            }
        }
        return Long.MAX_VALUE;
    }

    private static int position(Annotation[] annotations, ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        for (int i = 0; i < annotations.length; i++) {
            if (annotations[i].equals(constraint)) {
                return i;
            }
        }
        for (int i = 0; i < annotations.length; i++) {
            if (annotations[i].annotationType() == constraint.annotationType()) {
                return i;
            }
        }
        return 999;
    }

    private static String key(FieldError error) {
        if (error.isBindingFailure() || "typeMismatch".equals(error.getCode()) || error.getDefaultMessage() == null) {
            return "form.error.type";
        }
        return error.getDefaultMessage();
    }

    public boolean any() {
        return !byField.isEmpty();
    }
}
