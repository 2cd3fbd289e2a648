package nl.leerlog.tool.learninglog.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student's learning log: their moments, newest first, a page at a time, with filters in the query string so a
 * filtered list can be bookmarked and the back button works. htmx asks for the results only when a filter changes.
 */
@Controller
@Section("log")
record MomentListController(MomentListView listView) {

    static final String RESULTS_TARGET = "moment-results";

    @GetMapping("/student/log")
    String list(
            Owner owner,
            Model model,
            HttpServletResponse response,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String goal,
            @RequestParam(required = false) String competency,
            @RequestParam(required = false) String drafts,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) Long deleted,
            @RequestHeader(name = "HX-Target", required = false) String target) {
        MomentListView.FilterInput input = new MomentListView.FilterInput(
                blank(from),
                blank(to),
                blank(category),
                blank(goal),
                blank(competency),
                drafts != null && !drafts.isBlank(),
                q == null ? "" : q.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        MomentFilter filter = new MomentFilter(
                date(input.from(), "from", errors),
                date(input.to(), "to", errors),
                id(input.category(), "category", errors),
                id(input.goal(), "goal", errors),
                id(input.competency(), "competency", errors),
                input.drafts(),
                input.q(),
                number(page));
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            errors.put("to", "log.filter.error.period");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        if (deleted != null) {
            FormAnswers.showAddress(response, "/student/log");
        }
        return listView.show(model, owner, input, filter, errors, deleted, RESULTS_TARGET.equals(target));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "log.filter.error.date");
            return null;
        }
    }

    private static Long id(String text, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,18}")) {
            errors.put(field, "log.filter.error.choice");
            return null;
        }
        return Long.parseLong(text);
    }

    private static int number(String text) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : 1;
    }
}
