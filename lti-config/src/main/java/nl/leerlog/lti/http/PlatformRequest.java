package nl.leerlog.lti.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a platform: method, URL, headers, an optional body and an optional answer timeout (else
 * {@link PlatformHttpSettings#responseTimeout()}). Immutable; each {@code with...} gives a new one.
 */
public record PlatformRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

    public PlatformRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static PlatformRequest get(URI uri) {
        return new PlatformRequest("GET", uri, Map.of(), null, null);
    }

    /** A POST of {@code body} as {@code contentType}. */
    public static PlatformRequest post(URI uri, String contentType, byte[] body) {
        return new PlatformRequest("POST", uri, Map.of("Content-Type", contentType), body.clone(), null);
    }

    public PlatformRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PlatformRequest(method, uri, more, body, timeout);
    }

    public PlatformRequest withTimeout(Duration answerTimeout) {
        return new PlatformRequest(method, uri, headers, body, answerTimeout);
    }

    /** For messages and logs: method and URL, never headers (they may carry a bearer token). */
    @Override
    public String toString() {
        return method + " " + uri;
    }
}
