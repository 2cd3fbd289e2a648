package nl.leerlog.tool.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.web.Navigation;
import nl.leerlog.tool.web.Section;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/** Checks and adds the menu for handlers of a {@link Section}. */
@Configuration
class SectionNavigation implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A request without a launched user goes on, to the 401 its handler's user parameter gives.
        section(handler).ifPresent(section -> currentUser().ifPresent(user -> Navigation.check(user, section)));
        return true;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || isRedirect(page)) {
            return; // an answer without a page, or a redirect: menu attributes would only become query parameters
        }
        section(handler)
                .ifPresent(section -> currentUser().ifPresent(user -> {
                    ExtendedModelMap menu = new ExtendedModelMap();
                    Navigation.addTo(menu, user, section);
                    page.addAllObjects(menu);
                }));
    }

    private static boolean isRedirect(ModelAndView page) {
        return page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"));
    }

    private static Optional<String> section(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return Optional.empty();
        }
        Section section = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Section.class);
        if (section == null) {
            section = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Section.class);
        }
        return Optional.ofNullable(section).map(Section::value);
    }

    private static Optional<CurrentUser> currentUser() {
        return CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
    }
}
