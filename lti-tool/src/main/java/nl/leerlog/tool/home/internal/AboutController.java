package nl.leerlog.tool.home.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Without the demo LMS, the root says what Leerlog is and that it opens from the course menu. */
@Controller
@ConditionalOnProperty(name = "leerlog.demo.enabled", havingValue = "false", matchIfMissing = true)
class AboutController {

    @GetMapping("/")
    String about() {
        return "about";
    }
}
