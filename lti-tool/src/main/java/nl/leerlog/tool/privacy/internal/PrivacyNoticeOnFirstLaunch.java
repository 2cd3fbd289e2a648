package nl.leerlog.tool.privacy.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.web.Section;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The first whole page a student sees in a course (the launch lands on one) carries the explanation of what Leerlog
 * stores, why, who sees what and for how long, with a link to the full statement (GDPR art. 13): once, as it is
 * recorded as seen when shown; the menu's Privacy page shows it again. Parts of pages that htmx fetches (a thread's
 * poll, a list's filter) never carry it, nor cost a query for it.
 */
@Configuration
class PrivacyNoticeOnFirstLaunch implements WebMvcConfigurer, HandlerInterceptor {

    static final String MODEL_ATTRIBUTE = "privacyNotice";

    private final PrivacyNotices notices;
    private final Clock clock;
    private final Duration keepDeleted;

    PrivacyNoticeOnFirstLaunch(
            PrivacyNotices notices, Clock clock, @Value("${leerlog.privacy.keep-deleted:P30D}") Duration keepDeleted) {
        this.notices = notices;
        this.clock = clock;
        this.keepDeleted = keepDeleted;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/student/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null
                || !wholePage(request, page)
                || !inASection(handler)
                || page.getModel().containsKey(StudentPrivacyController.EXPLANATION)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser.from(authentication)
                .filter(user -> user.role() == CourseRole.STUDENT)
                .filter(user -> !notices.seen(user.courseId(), user.userId()))
                .ifPresent(user -> {
                    page.addObject(MODEL_ATTRIBUTE, PrivacyExplanation.of(authentication, keepDeleted));
                    notices.markSeen(user.courseId(), user.userId(), clock.instant());
                });
    }

    /**
     * A page the browser shows whole: a GET that is not htmx's (the launch, a reload) or a boosted link's (htmx
     * swaps the whole body), answered with a page of 200, not a redirect or a forward to another handler.
     */
    private static boolean wholePage(HttpServletRequest request, ModelAndView page) {
        boolean htmxPart = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
        String view = page.getViewName();
        return "GET".equals(request.getMethod())
                && !htmxPart
                && !(page.getView() instanceof RedirectView)
                && view != null
                && !view.startsWith("redirect:")
                && !view.startsWith("forward:")
                && (page.getStatus() == null || page.getStatus().value() == 200);
    }

    private static boolean inASection(Object handler) {
        return handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), Section.class)
                        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Section.class));
    }
}
