package nl.leerlog.tool.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import nl.leerlog.lti.config.LtiConfigurer;
import nl.leerlog.tool.system.internal.ErrorAnswers;
import nl.leerlog.tool.system.internal.LaunchLocaleResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach what: LTI login and launch, the tool's keys, static assets, the demo LMS and the error page
 * are open; every other page and {@code /api/**} need a launched session. No HTTP session is ever created.
 */
@Configuration
public class SecurityConfiguration {

    /**
     * Scripts and styles come from the tool itself (htmx from its webjar); no inline script anywhere. Pages with a
     * framing rule of their own (admin console, Dynamic Registration) append their {@code frame-ancestors}.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";

    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    /**
     * @param teacherAccess {@code nl.leerlog.tool.identity.internal.TeacherAccess}: a teacher session whose enrolment is still
     *     an active teacher's, re-read every few minutes
     */
    @Bean
    SecurityFilterChain toolSecurity(
            HttpSecurity http,
            ErrorAnswers answers,
            @Qualifier("teacherAccess") AuthorizationManager<RequestAuthorizationContext> teacherAccess) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(LtiConfigurer.PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers(
                                "/",
                                "/demo/**",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/favicon.ico",
                                "/error",
                                // The privacy statement: for a privacy officer before the tool is installed.
                                "/privacy",
                                "/actuator/health/**",
                                // Served on the management port only (management.server.port), which stays inside.
                                "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/teacher/**")
                        .access(teacherAccess)
                        // /student/** is for students only too, but a student's records answer "not found" to
                        // anyone else (nl.leerlog.tool.identity.Owner), so they cannot tell what exists.
                        .anyRequest()
                        .authenticated())
                .with(
                        LtiConfigurer.lti(),
                        lti -> lti.landingPath("/home").contentSecurityPolicy(CONTENT_SECURITY_POLICY))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> answers.problem(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "No launched session",
                                        "Open Leerlog from the course menu of your LMS first."),
                                API)
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> answers.page(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "error.session.title",
                                        "error.session.text"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> answers.problem(
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "Not allowed",
                                        "This request is not allowed for your role, or its form token is missing."),
                                API)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> {
                                    if (e instanceof CsrfException) {
                                        answers.page(
                                                request,
                                                response,
                                                HttpStatus.FORBIDDEN,
                                                "error.forbidden.title",
                                                "error.forbidden.text");
                                    } else {
                                        // A teacher page about someone (a student, a thread): "not found" to
                                        // everyone else, as for a student's records, so no id tells what exists.
                                        answers.page(
                                                request,
                                                response,
                                                HttpStatus.NOT_FOUND,
                                                "error.not-found.title",
                                                "error.not-found.text");
                                    }
                                },
                                TeacherPagesAboutSomeone::matches)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> answers.page(
                                        request,
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "error.forbidden.title",
                                        "error.forbidden.text"),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** Teacher pages that take an id in their path, e.g. {@code /teacher/students/42} or a thread's files. */
    static final class TeacherPagesAboutSomeone {

        private static final Pattern PATH = Pattern.compile("^/teacher/(.+/)?\\d+(/.*)?$");

        private TeacherPagesAboutSomeone() {}

        static boolean matches(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return PATH.matcher(path).matches();
        }
    }

    /**
     * No observation of the security filter chain, authentication or authorization: each request is observed once
     * as a whole (its metrics), and wrapping every one of the chain's filters cost more than the launch's checks.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LaunchLocaleResolver();
    }
}
