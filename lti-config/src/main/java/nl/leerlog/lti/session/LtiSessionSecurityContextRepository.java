package nl.leerlog.lti.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/** Loads the security context from the launched session; sessions are only ever started by a launch. */
public class LtiSessionSecurityContextRepository implements SecurityContextRepository {

    private final LtiSessions sessions;

    public LtiSessionSecurityContextRepository(LtiSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> load = () -> sessions.resolve(request)
                .<SecurityContext>map(r -> new SecurityContextImpl(r.authentication()))
                .orElse(null);
        return new DeferredSecurityContext() {
            private SecurityContext context;
            private boolean loaded;

            @Override
            public SecurityContext get() {
                if (!loaded) {
                    context = load.get();
                    loaded = true;
                }
                return context != null ? context : SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                get();
                return context == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Nothing to save: the launch filter stores the session when it is created.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.resolve(request).isPresent();
    }
}
