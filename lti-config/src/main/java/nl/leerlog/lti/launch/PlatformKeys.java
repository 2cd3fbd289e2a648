package nl.leerlog.lti.launch;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformRequest;
import nl.leerlog.lti.http.PlatformResponse;
import nl.leerlog.lti.http.RefusedAddressException;
import nl.leerlog.lti.registration.PlatformRegistration;

/**
 * The platforms' public keys, one cached key set per JWKS URL (Sec §6.3), fetched through {@link PlatformHttp}
 * like every other platform call, so its address policy holds for key sets too. A {@code kid} that is not in
 * the cached set makes the cache fetch the set again, but one fetch at a time and at most twice per
 * {@code minRefetchInterval} (Nimbus's rate limit counts the first load too), so a flood of made-up kids
 * cannot hammer the platform.
 */
public class PlatformKeys {

    private static final Duration CACHE_TTL = Duration.ofHours(6);
    /** A launch waits for this fetch: shorter than the services' timeout. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final Map<URI, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final KeySetRetriever retriever;
    private final Duration minRefetchInterval;

    public PlatformKeys(PlatformHttp http, Duration minRefetchInterval) {
        this.minRefetchInterval = minRefetchInterval;
        this.retriever = new KeySetRetriever(http, minRefetchInterval, new ConcurrentHashMap<>());
    }

    /** The platform's signing key with this kid, fetching the key set again (at most once) if it is unknown. */
    public JWK signingKey(PlatformRegistration registration, String kid, JWSAlgorithm algorithm) {
        JWKSelector selector = new JWKSelector(new JWKMatcher.Builder()
                .keyID(kid)
                .keyUses(KeyUse.SIGNATURE, null)
                .algorithms(algorithm, null)
                .build());
        List<JWK> keys;
        try {
            keys = source(registration.jwkSetUri()).get(selector, null);
        } catch (RateLimitReachedException e) {
            if (retriever.failedRecently(registration.jwkSetUri())) {
                throw new LtiLaunchException(
                        LtiError.PLATFORM_KEYS_UNAVAILABLE,
                        "the key set of " + registration.jwkSetUri() + " could not be fetched moments ago",
                        e);
            }
            throw new LtiLaunchException(
                    LtiError.SIGNATURE_UNKNOWN_KID,
                    "kid " + kid + " unknown and the key set was fetched moments ago",
                    e);
        } catch (KeySourceException e) {
            RefusedAddressException refusal = refusalIn(e);
            if (refusal != null) {
                // Nothing reached the platform, so there is nothing to rate-limit: the next launch is refused
                // for the same reason rather than for an "unknown kid".
                sources.remove(registration.jwkSetUri());
                throw new LtiLaunchException(
                        LtiError.PLATFORM_KEYS_REFUSED,
                        "the key set of registration " + registration.id() + " is not fetched: " + refusal.getMessage(),
                        e);
            }
            throw new LtiLaunchException(
                    LtiError.PLATFORM_KEYS_UNAVAILABLE,
                    "cannot fetch " + registration.jwkSetUri() + ": " + e.getMessage(),
                    e);
        }
        if (keys.isEmpty()) {
            throw new LtiLaunchException(
                    LtiError.SIGNATURE_UNKNOWN_KID, "kid " + kid + " is not in " + registration.jwkSetUri());
        }
        return keys.getFirst();
    }

    private JWKSource<SecurityContext> source(URI jwkSetUri) {
        return sources.computeIfAbsent(jwkSetUri, uri -> {
            try {
                return JWKSourceBuilder.create(uri.toURL(), retriever)
                        .cache(CACHE_TTL.toMillis(), FETCH_TIMEOUT.toMillis())
                        .rateLimited(minRefetchInterval.toMillis())
                        .refreshAheadCache(false)
                        .retrying(false)
                        .outageTolerant(false)
                        .build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new LtiLaunchException(LtiError.PLATFORM_KEYS_UNAVAILABLE, "bad JWKS URL " + uri, e);
            }
        });
    }

    private static RefusedAddressException refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refusal) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * Nimbus's fetch of a key set, made by {@link PlatformHttp}; anything but 200 is a failed fetch. A fetch that
     * failed (timed out, refused the connection, answered an error) is not tried again for {@code quietAfterFailure}:
     * launches that queued behind it are refused at once instead of each waiting out the timeout again, so a slow or
     * down platform costs its users one timeout, not one per waiting launch.
     */
    private record KeySetRetriever(PlatformHttp http, Duration quietAfterFailure, Map<URI, Long> failedAt)
            implements ResourceRetriever {

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            URI uri;
            try {
                uri = url.toURI();
            } catch (URISyntaxException e) {
                throw new IOException("bad JWKS URL " + url, e);
            }
            if (failedRecently(uri)) {
                throw new IOException("fetching " + uri + " failed moments ago; not tried again yet");
            }
            PlatformResponse response;
            try {
                response = http.send(PlatformRequest.get(uri)
                        .withPurpose("keys")
                        .withHeader("Accept", "application/jwk-set+json, application/json")
                        .withTimeout(FETCH_TIMEOUT));
            } catch (RefusedAddressException refused) {
                throw refused;
            } catch (IOException | RuntimeException e) {
                failedAt.put(uri, System.nanoTime());
                throw e;
            }
            if (response.status() != 200) {
                failedAt.put(uri, System.nanoTime());
                throw new IOException("HTTP " + response.status() + " from " + uri);
            }
            failedAt.remove(uri);
            return new Resource(response.text(), response.header("Content-Type").orElse(null));
        }

        boolean failedRecently(URI uri) {
            Long failed = failedAt.get(uri);
            return failed != null && System.nanoTime() - failed < quietAfterFailure.toNanos();
        }
    }
}
