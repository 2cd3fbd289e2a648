package nl.leerlog.lti.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a platform: method, URL, headers, an optional body, an optional answer timeout (else
 * {@link PlatformHttpSettings#responseTimeout()}) and what it is for ({@code keys}, {@code token}, ...), by which
 * the calls are measured. Immutable; each {@code with...} gives a new one.
 */
public record PlatformRequest(
        String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, String purpose) {

    /** The purpose of a request that names none. */
    public static final String OTHER = "other";

    public PlatformRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        purpose = purpose == null ? OTHER : purpose;
    }

    public static PlatformRequest get(URI uri) {
        return new PlatformRequest("GET", uri, Map.of(), null, null, OTHER);
    }

    /** A POST of {@code body} as {@code contentType}. */
    public static PlatformRequest post(URI uri, String contentType, byte[] body) {
        return new PlatformRequest("POST", uri, Map.of("Content-Type", contentType), body.clone(), null, OTHER);
    }

    public PlatformRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PlatformRequest(method, uri, more, body, timeout, purpose);
    }

    public PlatformRequest withTimeout(Duration answerTimeout) {
        return new PlatformRequest(method, uri, headers, body, answerTimeout, purpose);
    }

    /** What the request is for, one of a few words: the metrics count the calls by it. */
    public PlatformRequest withPurpose(String purpose) {
        return new PlatformRequest(method, uri, headers, body, timeout, purpose);
    }

    /** For messages and logs: method and URL, never headers (they may carry a bearer token). */
    @Override
    public String toString() {
        return method + " " + uri;
    }
}
