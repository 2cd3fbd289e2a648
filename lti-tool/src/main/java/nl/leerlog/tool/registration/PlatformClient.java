package nl.leerlog.tool.registration;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to a platform during Dynamic Registration: JSON in and out, no redirects, short timeouts, a cap on the
 * answer's size, and the {@link PublicAddressGuard} both before a request and on every connection (its DNS
 * resolver), so an {@code openid_configuration} that anyone can choose cannot reach the tool's own network.
 */
@Component
class PlatformClient implements DisposableBean {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final PublicAddressGuard guard;
    private final JsonMapper json;
    private final int maxResponseBytes;
    private final CloseableHttpClient http;

    PlatformClient(RegistrationSettings settings, JsonMapper json) {
        this.guard = new PublicAddressGuard(settings.allowPrivateHosts());
        this.json = json;
        this.maxResponseBytes = settings.maxResponseBytes();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                // A redirect could lead anywhere: the platform must answer at the URL it gave.
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** A platform's answer: its status and, when it was a JSON object, its content. */
    record PlatformAnswer(int status, Map<String, Object> body) {

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Refuses a URL whose host is not public (unless allowed for development), before anything is sent.
     *
     * @throws RegistrationFailedException {@link RegistrationError#PRIVATE_ADDRESS} or, when the host does not
     *     resolve, {@link RegistrationError#PLATFORM_UNREACHABLE}
     */
    void checkHost(URI uri) {
        try {
            guard.check(uri);
        } catch (PublicAddressGuard.RefusedHostException e) {
            throw refused(e);
        }
    }

    PlatformAnswer get(URI uri, String bearerToken) {
        return send(new HttpGet(uri), uri, bearerToken);
    }

    PlatformAnswer postJson(URI uri, String bearerToken, Map<String, Object> body) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return send(post, uri, bearerToken);
    }

    private PlatformAnswer send(HttpUriRequestBase request, URI uri, String bearerToken) {
        checkHost(uri);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        try {
            return http.execute(request, response -> new PlatformAnswer(response.getCode(), read(response.getEntity())));
        } catch (GuardedHostException e) {
            throw refused(e.refusal);
        } catch (IOException e) {
            if (e.getCause() instanceof GuardedHostException guarded) {
                throw refused(guarded.refusal);
            }
            throw new RegistrationFailedException(RegistrationError.PLATFORM_UNREACHABLE,
                    request.getMethod() + " " + uri + ": " + e, null, e);
        }
    }

    /** The answer as a JSON object, or {@code null} when it is empty, too large or not a JSON object. */
    private Map<String, Object> read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(maxResponseBytes + 1);
            if (bytes.length == 0 || bytes.length > maxResponseBytes) {
                return null;
            }
            return json.readValue(bytes, JSON_OBJECT);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static RegistrationFailedException refused(PublicAddressGuard.RefusedHostException e) {
        return new RegistrationFailedException(e.unresolved() ? RegistrationError.PLATFORM_UNREACHABLE
                : RegistrationError.PRIVATE_ADDRESS, e.getMessage(), null, e);
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    /** Resolves for the connection through the guard: a host that now resolves elsewhere is still refused. */
    private record GuardedDnsResolver(PublicAddressGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.resolve(host);
            } catch (PublicAddressGuard.RefusedHostException e) {
                throw new GuardedHostException(e);
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            resolve(host);
            return host; // no reverse lookup: the name the platform gave is the one to use
        }
    }

    /** Carries the guard's refusal through the HTTP client, which only passes {@link IOException}s on. */
    private static final class GuardedHostException extends UnknownHostException {
        private final transient PublicAddressGuard.RefusedHostException refusal;

        GuardedHostException(PublicAddressGuard.RefusedHostException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }
}
