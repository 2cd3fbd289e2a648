package nl.leerlog.lti.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A platform's answer, read whole (within the size limit): status, headers (names case-insensitive), body. */
public record PlatformResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public PlatformResponse {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** Every value of a header, in the order the platform sent them. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** The body as text; the platforms' answers are JSON, which is UTF-8 (RFC 8259 §8.1). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
