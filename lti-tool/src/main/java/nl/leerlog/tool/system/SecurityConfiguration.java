package nl.leerlog.tool.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import nl.leerlog.lti.config.LtiConfigurer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

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

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    /**
     * @param teacherAccess {@code nl.leerlog.tool.course.TeacherAccess}: a teacher session whose enrolment is still
     *     an active teacher's, re-read every few minutes
     */
    @Bean
    SecurityFilterChain toolSecurity(HttpSecurity http, PageRenderer pages, JsonMapper json,
            @Qualifier("teacherAccess") AuthorizationManager<RequestAuthorizationContext> teacherAccess) {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(LtiConfigurer.PUBLIC_PATHS).permitAll()
                        .requestMatchers("/", "/demo/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.ico", "/error", "/actuator/health/**").permitAll()
                        .requestMatchers("/teacher/**").access(teacherAccess)
                        // /student/** is for students only too, but a student's records answer "not found" to
                        // anyone else (nl.leerlog.tool.privacy.Owner), so they cannot tell what exists.
                        .anyRequest().authenticated())
                .with(LtiConfigurer.lti(), lti -> lti
                        .landingPath("/home")
                        .contentSecurityPolicy(CONTENT_SECURITY_POLICY))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "No launched session",
                                        "Open Leerlog from the course menu of your LMS first."), API)
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                page(pages, request, response, 401, "error.session.title", "error.session.text"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "Not allowed",
                                        "This request is not allowed for your role, or its form token is missing."), API)
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                page(pages, request, response, 403, "error.forbidden.title", "error.forbidden.text"),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LaunchLocaleResolver();
    }

    private static void page(PageRenderer pages, HttpServletRequest request, HttpServletResponse response, int status,
            String titleKey, String textKey) {
        pages.render(request, response, status, "error/page",
                Map.of("status", status, "titleKey", titleKey, "textKey", textKey),
                new LaunchLocaleResolver().resolveLocale(request));
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
