package nl.leerlog.tool.identity.internal;

import nl.leerlog.tool.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Who the current session belongs to, for pages and for operators checking a launch. */
@RestController
class MeController {

    record Me(
            long userId,
            String name,
            String role,
            long courseId,
            String courseTitle,
            String locale,
            boolean testUser) {}

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return new Me(
                user.userId(),
                user.name(),
                user.role().name(),
                user.courseId(),
                user.courseTitle(),
                user.locale().toLanguageTag(),
                user.testUser());
    }
}
