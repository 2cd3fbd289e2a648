package nl.leerlog.tool.replyhelp;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a reply template, in their English and Dutch spellings: {@code {first name}} or
 * {@code {voornaam}}, {@code {teacher name}} or {@code {naam docent}}, {@code {question title}} or
 * {@code {titel vraag}}, {@code {next meeting}} or {@code {volgende afspraak}}. Case and extra spaces do not matter;
 * an unknown placeholder, or one without a value, is left as it is so the teacher sees it in the reply box.
 */
public final class Placeholders {

    /** What fills the placeholders of one reply; {@code null} leaves its placeholder. */
    public record Values(String firstName, String teacherName, String questionTitle, String nextMeeting) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\n]{1,40})}");

    private static final Map<String, String> NAMES = Map.of(
            "first name", "firstName",
            "voornaam", "firstName",
            "teacher name", "teacherName",
            "naam docent", "teacherName",
            "question title", "questionTitle",
            "titel vraag", "questionTitle",
            "next meeting", "nextMeeting",
            "volgende afspraak", "nextMeeting");

    private Placeholders() {}

    /** {@code template} with every known placeholder that has a value replaced by it. */
    public static String fill(String template, Values values) {
        if (template == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = valueOf(matcher.group(1), values);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The first word of a full name, as a greeting uses it; {@code null} for no name. */
    public static String firstNameOf(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        return fullName.strip().split("\\s+")[0];
    }

    private static String valueOf(String name, Values values) {
        String key = NAMES.get(name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "firstName" -> values.firstName();
            case "teacherName" -> values.teacherName();
            case "questionTitle" -> values.questionTitle();
            default -> values.nextMeeting();
        };
    }
}
