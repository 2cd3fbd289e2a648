package nl.leerlog.tool.identity.internal;

import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take the launched {@link CurrentUser} or the student's {@link Owner} as a parameter.
 * A request without a launched session gets 401; a request for an {@code Owner} by anyone but a student gets 404.
 */
@Configuration
class RequestUsers implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    private static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            Class<?> type = parameter.getParameterType();
            return type == CurrentUser.class || type == Owner.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            CurrentUser user = CurrentUser.from(
                            SecurityContextHolder.getContext().getAuthentication())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
            return parameter.getParameterType() == Owner.class ? Owner.of(user) : user;
        }
    }
}
