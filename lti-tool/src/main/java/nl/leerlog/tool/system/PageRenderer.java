package nl.leerlog.tool.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Renders a page from outside Spring MVC (security filters, entry points), in a chosen language. */
@Component
public class PageRenderer {

    private final ThymeleafViewResolver views;

    public PageRenderer(ThymeleafViewResolver views) {
        this.views = views;
    }

    public void render(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String template,
            Map<String, ?> model,
            Locale locale) {
        try {
            View view = views.resolveViewName(template, locale);
            if (view == null) {
                throw new IllegalStateException("No template " + template);
            }
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            view.render(model, new WithLocale(request, locale), response);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render " + template, e);
        }
    }

    /** Outside the DispatcherServlet, the page's RequestContext takes its locale from the request. */
    private static final class WithLocale extends HttpServletRequestWrapper {
        private final Locale locale;

        WithLocale(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }
}
