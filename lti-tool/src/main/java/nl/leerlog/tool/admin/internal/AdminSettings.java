package nl.leerlog.tool.admin.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin console, and how long it keeps launch events.
 *
 * @param username the bootstrap admin's user name; without it (or without a hash) nobody logs in by password
 * @param passwordHash the bootstrap admin's password as a {@code {bcrypt}} hash for the delegating encoder
 * @param launchLogRetention how long accepted and refused launches stay visible in the console
 * @param sso who is an admin when single sign-on is configured
 */
@ConfigurationProperties("leerlog.admin")
public record AdminSettings(
        String username,
        String passwordHash,
        @DefaultValue("P30D") Duration launchLogRetention,
        @DefaultValue Sso sso) {

    /** @param allowedEmails the e-mail addresses, as the identity provider verified them, of the admins */
    public record Sso(@DefaultValue List<String> allowedEmails) {

        public boolean allows(String email) {
            return email != null
                    && allowedEmails.stream()
                            .anyMatch(allowed -> allowed.strip()
                                    .toLowerCase(Locale.ROOT)
                                    .equals(email.strip().toLowerCase(Locale.ROOT)));
        }
    }

    public boolean hasBootstrapAdmin() {
        return username != null && !username.isBlank() && passwordHash != null && !passwordHash.isBlank();
    }
}
