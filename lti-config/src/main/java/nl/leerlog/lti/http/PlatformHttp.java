package nl.leerlog.lti.http;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for every call the tool makes to a platform: key sets, tokens, rosters, Dynamic
 * Registration. Before a request the {@link AddressPolicy} checks the scheme; when a connection is made, the
 * host is resolved once, every address it resolves to is checked, and the connection goes to those very
 * addresses (the client's DNS resolver is the policy's), so a name that resolves elsewhere the second time
 * (DNS rebinding) cannot slip past. No redirects (one could lead anywhere), no retries (callers decide), no
 * cookies, short timeouts and a cap on the answer's size. Each call is observed as {@value #OBSERVATION}, by its
 * purpose and outcome (the status class, {@code refused}, {@code too-large} or {@code failed}), so an operator sees
 * key-set fetches, token requests and roster calls and how they fare.
 */
public class PlatformHttp implements AutoCloseable {

    /** The name of the observation (a timer, with Micrometer's metrics) of each call. */
    public static final String OBSERVATION = "lti.platform.requests";

    private final AddressPolicy policy;
    private final ObservationRegistry observations;
    private final int maxResponseBytes;
    private final RequestConfig defaults;
    private final CloseableHttpClient http;

    public PlatformHttp(AddressPolicy policy, PlatformHttpSettings settings) {
        this(policy, settings, ObservationRegistry.NOOP);
    }

    public PlatformHttp(AddressPolicy policy, PlatformHttpSettings settings, ObservationRegistry observations) {
        this.policy = policy;
        this.observations = observations;
        this.maxResponseBytes = (int) settings.maxResponseSize().toBytes();
        this.defaults = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                .setRedirectsEnabled(false)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                                .build())
                        // Many launches may wait for one platform's key set at once; the default is 5 a host.
                        .setMaxConnPerRoute(50)
                        .setMaxConnTotal(200)
                        .build())
                .setDefaultRequestConfig(defaults)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** The policy this client enforces, for checks that must agree with it (e.g. whether plain http is allowed). */
    public AddressPolicy policy() {
        return policy;
    }

    /**
     * Sends the request and reads the whole answer, whatever its status.
     *
     * @throws RefusedAddressException when the policy refuses the URL's scheme or an address of its host; nothing
     *     was sent
     * @throws ResponseTooLargeException when the answer is larger than the size limit
     * @throws IOException when the host is unknown, the connection fails or a timeout passes
     */
    public PlatformResponse send(PlatformRequest request) throws IOException {
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .lowCardinalityKeyValue("purpose", request.purpose())
                .start();
        try {
            PlatformResponse response = sendObserved(request);
            observation.lowCardinalityKeyValue("outcome", response.status() / 100 + "xx");
            return response;
        } catch (RefusedAddressException e) {
            observation.lowCardinalityKeyValue("outcome", "refused");
            throw e;
        } catch (ResponseTooLargeException e) {
            observation.lowCardinalityKeyValue("outcome", "too-large");
            throw e;
        } catch (IOException | RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "failed");
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private PlatformResponse sendObserved(PlatformRequest request) throws IOException {
        URI uri = request.uri();
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new RefusedAddressException(uri + " is not an absolute URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!policy.allowsScheme(scheme)) {
            throw new RefusedAddressException(uri + " uses " + scheme + ", which this tool may not call"
                    + " (lti.platform-http.allow-private-hosts is for development only)");
        }
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), uri);
        request.headers().forEach(message::setHeader);
        if (request.body() != null) {
            message.setEntity(new ByteArrayEntity(request.body(), null)); // its Content-Type is among the headers
        }
        if (request.timeout() != null) {
            message.setConfig(RequestConfig.copy(defaults)
                    .setResponseTimeout(Timeout.of(request.timeout()))
                    .build());
        }
        try {
            return http.execute(
                    message,
                    response -> new PlatformResponse(response.getCode(), headers(response), read(response, request)));
        } catch (IOException e) {
            RefusedAddressException refusal = refusalIn(e);
            throw refusal != null ? refusal : e;
        }
    }

    private byte[] read(ClassicHttpResponse response, PlatformRequest request) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxResponseBytes) {
            throw tooLarge(response, request);
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes(maxResponseBytes + 1);
            if (body.length > maxResponseBytes) {
                throw tooLarge(response, request); // closing the response drops the connection, unread
            }
            return body;
        }
    }

    private ResponseTooLargeException tooLarge(ClassicHttpResponse response, PlatformRequest request) {
        return new ResponseTooLargeException(
                response.getCode(),
                "the answer to " + request + " is larger than " + maxResponseBytes
                        + " bytes (lti.platform-http.max-response-size)");
    }

    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    /** The policy's refusal, which the HTTP client passes on as (the cause of) an {@link UnknownHostException}. */
    private static RefusedAddressException refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedHost refused) {
                return new RefusedAddressException(refused.getMessage());
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /**
     * Resolves a host for a connection and checks every address: the connection goes only to addresses that
     * passed. All of them must pass, so which one the client picks does not matter.
     */
    private record PolicyResolver(AddressPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = InetAddress.getAllByName(bare);
            for (InetAddress address : addresses) {
                if (!policy.allowsAddress(address)) {
                    throw new RefusedHost(
                            host + " resolves to " + address.getHostAddress() + ", an address this tool may not call");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            resolve(host);
            return host; // no reverse lookup: the name the platform gave is the one to use
        }
    }

    /** A refusal in the only shape a {@link DnsResolver} may throw. */
    private static final class RefusedHost extends UnknownHostException {
        RefusedHost(String message) {
            super(message);
        }
    }
}
