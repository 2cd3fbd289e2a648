package nl.leerlog.tool.privacy.internal;

import java.time.Duration;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.Section;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The student's Privacy page: the first-launch explanation again, and what they can do about their data. */
@Controller
@Section("privacy")
class StudentPrivacyController {

    /** The page's explanation; a page that shows it whole needs no first-launch notice on top. */
    static final String EXPLANATION = "explanation";

    private final Duration keepDeleted;

    StudentPrivacyController(@Value("${leerlog.privacy.keep-deleted:P30D}") Duration keepDeleted) {
        this.keepDeleted = keepDeleted;
    }

    @GetMapping("/student/privacy")
    String privacy(CurrentUser user, Authentication authentication, Model page) {
        Owner.of(user);
        page.addAttribute(EXPLANATION, PrivacyExplanation.of(authentication, keepDeleted));
        return "privacy/student";
    }
}
