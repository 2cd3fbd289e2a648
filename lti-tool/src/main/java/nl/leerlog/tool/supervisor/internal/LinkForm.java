package nl.leerlog.tool.supervisor.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.regex.Pattern;
import nl.leerlog.tool.web.TypeableText;

/**
 * A supervisor link as the student fills it in: the chosen items as {@code kind:id} (at most ten), the supervisor's
 * name, optionally their address to mail it to, optionally a question for them, and how many days it stays open.
 */
record LinkForm(
        @Size(max = MAX_ITEMS, message = "supervisor.error.too-many")
        List<String> items,

        @TypeableText(max = 200, required = true, singleLine = true)
        String supervisorName,

        @TypeableText(max = 320, singleLine = true) String supervisorEmail,
        @TypeableText(max = 2000) String request,
        @NotNull(message = "supervisor.error.days") Integer days) {

    static final int MAX_ITEMS = 10;

    /** The periods a student may choose; the last is the default. */
    static final List<Integer> DAYS = List.of(1, 3, 7, 14);

    /** One @, no spaces, a dot in the domain: to catch typing mistakes, not RFC 5322 in full. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    LinkForm {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static LinkForm of(String supervisorName, String supervisorEmail) {
        return new LinkForm(List.of(), supervisorName, supervisorEmail, "", 14);
    }

    String name() {
        return supervisorName.strip();
    }

    /** The address to mail the link to, or null. */
    String email() {
        return supervisorEmail == null || supervisorEmail.isBlank() ? null : supervisorEmail.strip();
    }

    boolean emailLooksRight() {
        return email() == null || EMAIL.matcher(email()).matches();
    }

    /** The question, or null without one. */
    String question() {
        return request == null || request.isBlank() ? null : request.strip();
    }
}
