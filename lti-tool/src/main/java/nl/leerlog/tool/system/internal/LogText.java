package nl.leerlog.tool.system.internal;

/**
 * Text as it may appear in one log line. Log messages carry what requests sent (an issuer, a key id, a user name, a
 * refused value); a line break in one would start a forged line, an escape sequence would rewrite the terminal. So
 * every control character but tab, and the Unicode line and paragraph separators, is written as an escape:
 * {@code \r}, {@code \n}, otherwise {@code \}{@code uXXXX}.
 */
public final class LogText {

    private LogText() {}

    public static String encode(String text) {
        if (text == null || text.chars().noneMatch(LogText::needsEscape)) {
            return text;
        }
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (c == '\r') {
                encoded.append("\\r");
            } else if (c == '\n') {
                encoded.append("\\n");
            } else if (needsEscape(c)) {
                encoded.append(String.format("\\u%04x", c));
            } else {
                encoded.append((char) c);
            }
        });
        return encoded.toString();
    }

    private static boolean needsEscape(int c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }
}
