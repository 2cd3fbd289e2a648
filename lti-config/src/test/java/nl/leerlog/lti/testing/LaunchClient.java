package nl.leerlog.lti.testing;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A browser stand-in for launch tests: one cookie jar (kept by hand, because {@code java.net.CookieManager}
 * will not send {@code Secure} cookies over plain http), redirects not followed so each step can be checked.
 */
public class LaunchClient {

    private static final HttpClient HTTP = httpClient().build();

    private final String toolBaseUrl;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public LaunchClient(String toolBaseUrl) {
        this(toolBaseUrl, HTTP);
    }

    /** A browser with its own connection settings, e.g. one that trusts a test proxy's certificate. */
    public LaunchClient(String toolBaseUrl, HttpClient http) {
        this.toolBaseUrl = toolBaseUrl;
        this.http = http;
    }

    /** The usual settings of this browser (redirects not followed), to build a client with more of them. */
    public static HttpClient.Builder httpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
    }

    /** The tool's base URL, e.g. {@code http://localhost:8080}. */
    public String toolBaseUrl() {
        return toolBaseUrl;
    }

    public String launchUrl() {
        return toolBaseUrl + "/lti/launch";
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** What the tool sent the browser to after login initiation. */
    public record LoginRedirect(int status, URI location, Map<String, String> query, String body) {

        public String state() {
            return query.get("state");
        }

        public String nonce() {
            return query.get("nonce");
        }
    }

    /** The platform's login initiation request (Sec §5.1.1), as a GET with the usual Canvas parameters. */
    public LoginRedirect login(TestPlatform platform) {
        return login(platform, Map.of());
    }

    public LoginRedirect login(TestPlatform platform, Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("login_hint", "hint-123");
        params.put("target_link_uri", launchUrl());
        params.put("lti_message_hint", "message-hint");
        params.put("client_id", platform.clientId());
        params.put("lti_deployment_id", platform.deploymentId());
        params.putAll(overrides);
        params.values().removeIf(v -> v == null);
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(toolBaseUrl + "/lti/login?" + form(params)))
                        .GET());
        URI location =
                response.headers().firstValue("Location").map(URI::create).orElse(null);
        return new LoginRedirect(
                response.statusCode(),
                location,
                location == null ? Map.of() : query(location.getRawQuery()),
                response.body());
    }

    /**
     * The platform's form POST of the id_token (Sec §5.1.1.3), and, as a browser does, the GET of the page a
     * {@code 303 See Other} answer sends it to; the launch's own answer is then its {@code previousResponse()}.
     */
    public HttpResponse<String> launch(String idToken, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        if (idToken != null) {
            params.put("id_token", idToken);
        }
        if (state != null) {
            params.put("state", state);
        }
        return followSeeOther(post("/lti/launch", params));
    }

    /** Follows a {@code 303 See Other} with this browser's cookies; any other answer is returned as it is. */
    public HttpResponse<String> followSeeOther(HttpResponse<String> response) {
        if (response.statusCode() != 303) {
            return response;
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        URI target = response.uri().resolve(location);
        HttpResponse<String> landing = send(HttpRequest.newBuilder(target).GET());
        return new Followed(landing, response);
    }

    /** The page a redirect led to, remembering the answer that redirected. */
    private record Followed(HttpResponse<String> landing, HttpResponse<String> redirect)
            implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return landing.statusCode();
        }

        @Override
        public HttpRequest request() {
            return landing.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.of(redirect);
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return landing.headers();
        }

        @Override
        public String body() {
            return landing.body();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return landing.sslSession();
        }

        @Override
        public URI uri() {
            return landing.uri();
        }

        @Override
        public HttpClient.Version version() {
            return landing.version();
        }
    }

    /** Login, sign the platform's claims (customised), launch: the whole flow. */
    public HttpResponse<String> fullLaunch(TestPlatform platform, Consumer<JWTClaimsSet.Builder> customize) {
        LoginRedirect login = login(platform);
        if (login.status() != 302) {
            throw new IllegalStateException("login was not redirected: " + login.status() + " " + login.body());
        }
        JWTClaimsSet.Builder claims = platform.launchClaims(login.nonce(), launchUrl());
        customize.accept(claims);
        return launch(platform.sign(claims.build()), login.state());
    }

    public HttpResponse<String> post(String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(toolBaseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(toolBaseUrl + path)).GET());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(toolBaseUrl + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Sends with this browser's cookies and keeps the ones the tool sets or clears. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        for (String header : setCookies) {
            String[] parts = header.split(";");
            String[] pair = parts[0].split("=", 2);
            boolean expired = false;
            for (String attribute : parts) {
                String trimmed = attribute.trim().toLowerCase(java.util.Locale.ROOT);
                if (trimmed.equals("max-age=0") || trimmed.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired || pair.length < 2 || pair[1].isEmpty()) {
                cookies.remove(pair[0].trim());
            } else {
                cookies.put(pair[0].trim(), pair[1].trim());
            }
        }
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String part : rawQuery.split("&")) {
            String[] pair = part.split("=", 2);
            values.put(
                    URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
