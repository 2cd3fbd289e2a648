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
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.leerlog.lti.registration.PlatformRegistration;

/**
 * The platforms' public keys, one cached key set per JWKS URL (Sec §6.3). A {@code kid} that is not in
 * the cached set makes the cache fetch the set again, but one fetch at a time and at most twice per
 * {@code minRefetchInterval} (Nimbus's rate limit counts the first load too), so a flood of made-up kids
 * cannot hammer the platform.
 */
public class PlatformKeys {

    private static final Duration CACHE_TTL = Duration.ofHours(6);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final Map<URI, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final DefaultResourceRetriever retriever;
    private final Duration minRefetchInterval;

    public PlatformKeys(Duration minRefetchInterval) {
        this.minRefetchInterval = minRefetchInterval;
        int timeout = (int) FETCH_TIMEOUT.toMillis();
        this.retriever = new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES);
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
            throw new LtiLaunchException(LtiError.SIGNATURE_UNKNOWN_KID,
                    "kid " + kid + " unknown and the key set was fetched moments ago", e);
        } catch (KeySourceException e) {
            throw new LtiLaunchException(LtiError.PLATFORM_KEYS_UNAVAILABLE,
                    "cannot fetch " + registration.jwkSetUri() + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new LtiLaunchException(LtiError.SIGNATURE_UNKNOWN_KID,
                    "kid " + kid + " is not in " + registration.jwkSetUri());
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
}
