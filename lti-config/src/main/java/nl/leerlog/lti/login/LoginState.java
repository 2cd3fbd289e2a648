package nl.leerlog.lti.login;

import java.time.Instant;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * One OIDC login in flight (Sec §5.1.1.2): the {@code state} and {@code nonce} sent to the platform, and
 * the secret that binds them to the browser that started the login. The binding travels in a cookie or
 * in platform storage, never through the platform's redirect.
 *
 * @param storageTarget the frame that offers platform storage ({@code lti_storage_target}), or {@code null}
 * @param storageOrigin the origin that platform storage replies come from (the OIDC authorization origin)
 */
public record LoginState(
        String state,
        String nonce,
        String browserBinding,
        RegistrationKey registration,
        String targetLinkUri,
        String storageTarget,
        String storageOrigin,
        Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
