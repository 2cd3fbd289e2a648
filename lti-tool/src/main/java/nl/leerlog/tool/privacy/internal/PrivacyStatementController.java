package nl.leerlog.tool.privacy.internal;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The full privacy statement, open to anyone without a launch: a student opens it from the explanation, a school's
 * privacy officer reads it before the tool is installed.
 */
@Controller
record PrivacyStatementController(PrivacyStatement statement) {

    @GetMapping("/privacy")
    String statement(Locale locale, Model page) {
        page.addAttribute("statement", statement.html(locale));
        return "privacy/statement";
    }
}
