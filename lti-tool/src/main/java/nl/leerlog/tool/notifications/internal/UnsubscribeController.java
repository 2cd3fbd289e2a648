package nl.leerlog.tool.notifications.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import nl.leerlog.tool.system.SecurityConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every mail. Opening it (GET) only asks, as link checkers of mail providers open links
 * too; the one-click POST (RFC 8058 §3.2: {@code List-Unsubscribe=One-Click}, from the mail client or the page's
 * button) sets the topic, or every topic of the course, to "never" at once. The signed token is the only
 * credential: no login, no session, no CSRF token (RFC 8058 §4: the POST carries none).
 */
@Controller
record UnsubscribeController(UnsubscribeTokens tokens, Preferences preferences, Clock clock) {

    static final String PATH = "/mail/unsubscribe";

    /** Its own small chain: open to anyone with a token, no LTI session, no CSRF token, never framed. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Security {

        @org.springframework.context.annotation.Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 20)
        SecurityFilterChain unsubscribeSecurity(HttpSecurity http) throws Exception {
            http.securityMatcher(PATH)
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(session -> session.disable())
                    .requestCache(cache -> cache.disable())
                    .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                    SecurityConfiguration.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'"))
                            .frameOptions(frame -> frame.deny()));
            return http.build();
        }
    }

    @GetMapping(PATH)
    String ask(@RequestParam(name = "t", required = false) String token, Model page, HttpServletResponse response) {
        Optional<UnsubscribeTokens.Target> target = tokens.verify(token);
        if (target.isEmpty()) {
            response.setStatus(400);
            return "notifications/unsubscribe-invalid";
        }
        page.addAttribute("token", token);
        page.addAttribute("topic", target.get().topic().map(Topic::key).orElse(null));
        return "notifications/unsubscribe";
    }

    @PostMapping(PATH)
    String unsubscribe(@RequestParam(name = "t", required = false) String token, HttpServletResponse response) {
        Optional<UnsubscribeTokens.Target> target = tokens.verify(token);
        if (target.isEmpty()) {
            response.setStatus(400);
            return "notifications/unsubscribe-invalid";
        }
        var unsubscribe = target.get();
        List<Topic> topics = unsubscribe.topic().map(List::of).orElse(List.of(Topic.values()));
        for (Topic topic : topics) {
            preferences.choose(unsubscribe.userId(), unsubscribe.courseId(), topic, Frequency.NEVER, clock.instant());
        }
        return "notifications/unsubscribed";
    }
}
