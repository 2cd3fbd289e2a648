package nl.leerlog.tool.supervisor.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.privacy.ReadAudit;
import nl.leerlog.tool.supervisor.SupervisorAnswered;
import nl.leerlog.tool.system.PageRenderer;
import nl.leerlog.tool.system.SecurityConfiguration;
import nl.leerlog.tool.system.SupportedLocales;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workplace supervisor's page: the items a student chose, read-only, through the link's token alone (no LMS
 * account, no launch), and the student's question with a short form to answer it. A link that is unknown, altered,
 * revoked or expired is "not found", the same page for each, so nothing tells them apart. Every read is written to
 * the student's "who looked"; requests are limited per link and per address ({@link ReadLimits}).
 */
@Controller
class SupervisorPageController {

    static final String PATH = "/supervisor";

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Amsterdam");

    private final SupervisorLinks links;
    private final ReadLimits limits;
    private final ReadAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisorPageController(
            SupervisorLinks links, ReadLimits limits, ReadAudit audit, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.limits = limits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Its own chain: open to anyone with a link, outside the LTI session, with a CSRF token in a strict first-party
     * cookie of these pages only (no HTTP session); never framed, never indexed, and no referrer that could carry the
     * token to another site.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Security {

        @org.springframework.context.annotation.Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 21)
        SecurityFilterChain supervisorSecurity(HttpSecurity http, PageRenderer pages) throws Exception {
            CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
            csrfCookie.setCookiePath(PATH);
            csrfCookie.setCookieName("LEERLOG-SUPERVISOR-CSRF");
            csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Strict").httpOnly(true));
            http.securityMatcher(PATH + "/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie))
                    // A form sent without its token, or after its cookie went: say so in the reader's language.
                    .exceptionHandling(
                            exceptions -> exceptions.accessDeniedHandler((request, response, e) -> pages.render(
                                    request,
                                    response,
                                    HttpStatus.FORBIDDEN.value(),
                                    "supervisor/form-expired",
                                    Map.of(),
                                    SupportedLocales.fromRequest(request))))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .securityContext(context -> context.disable())
                    .anonymous(anonymous -> anonymous.disable())
                    .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                    SecurityConfiguration.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'"))
                            .frameOptions(frame -> frame.deny())
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                            .addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow")));
            return http.build();
        }
    }

    @GetMapping(PATH + "/{token}")
    String read(
            @PathVariable String token,
            @RequestParam(required = false) String done,
            CsrfToken csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model page) {
        Optional<String> hash = LinkTokens.hash(token);
        if (!limits.allow(request.getRemoteAddr(), hash.orElse(null))) {
            return tooMany(response);
        }
        Instant now = clock.instant();
        Optional<SupervisorLinks.OpenLink> open = hash.flatMap(h -> links.open(h, now));
        if (open.isEmpty()) {
            return notFound(response);
        }
        SupervisorLinks.OpenLink link = open.get();
        audit.record(
                link.courseId(),
                link.ownerId(),
                new ReadAudit.Reader(ReadAudit.ReaderKind.SUPERVISOR, null, link.supervisorName()),
                link.items().stream()
                        .map(item -> new ReadAudit.ReadItem(item.kind(), String.valueOf(item.recordId()), item.title()))
                        .toList(),
                now);
        return linkPage(token, link, AnswerForm.of(link.supervisorName()), FieldErrors.none(), done, csrf, page);
    }

    @PostMapping(PATH + "/{token}/answer")
    @Transactional
    String answer(
            @PathVariable String token,
            @Valid AnswerForm form,
            BindingResult binding,
            CsrfToken csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model page) {
        Optional<String> hash = LinkTokens.hash(token);
        if (!limits.allow(request.getRemoteAddr(), hash.orElse(null))) {
            return tooMany(response);
        }
        Instant now = clock.instant();
        Optional<SupervisorLinks.OpenLink> open = hash.flatMap(h -> links.open(h, now));
        if (open.isEmpty() || open.get().request() == null) {
            return notFound(response);
        }
        SupervisorLinks.OpenLink link = open.get();
        if (link.answeredAt() != null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return linkPage(token, link, form, FieldErrors.none(), "already", csrf, page);
        }
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return FormAnswers.rejected(response, linkPage(token, link, form, errors, null, csrf, page));
        }
        String name = form.name().strip();
        if (!links.answer(link.id(), name, now)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return linkPage(token, link, form, FieldErrors.none(), "already", csrf, page);
        }
        events.publishEvent(new SupervisorAnswered(
                link.id(),
                link.courseId(),
                link.ownerId(),
                name,
                link.request(),
                form.answer().strip(),
                LocalDate.ofInstant(now, SCHOOL_TIME),
                now,
                link.locale()));
        return FormAnswers.redirect(PATH + "/" + token + "?done=answered");
    }

    private String linkPage(
            String token,
            SupervisorLinks.OpenLink link,
            AnswerForm form,
            FieldErrors errors,
            String done,
            CsrfToken csrf,
            Model page) {
        // Read now, so that the token's cookie is set before the page starts to be written.
        page.addAttribute("csrfToken", csrf.getToken());
        page.addAttribute("link", link);
        page.addAttribute("token", token);
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("done", "answered".equals(done) || "already".equals(done) ? done : null);
        page.addAttribute("expiresAt", link.expiresAt().atZoneSameInstant(SCHOOL_TIME));
        return "supervisor/link";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "supervisor/not-found";
    }

    private String tooMany(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        // RFC 9110 §10.2.3: in seconds; the counts start again at the next window at the latest.
        response.setHeader("Retry-After", String.valueOf(limits.windowSeconds()));
        return "supervisor/too-many";
    }
}
