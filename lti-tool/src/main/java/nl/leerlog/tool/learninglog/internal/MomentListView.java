package nl.leerlog.tool.learninglog.internal;

import java.util.Map;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.web.Notice;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/** The learning log's list page, or only its results when htmx replaces them after a filter change. */
@Component
record MomentListView(LearningMoments moments, ProgrammeCatalog catalog, Internships internships) {

    static final int PAGE_SIZE = 25;

    /** The filter as typed, kept for the form: ids and dates stay text so a bad value can be shown again. */
    record FilterInput(
            String from, String to, String category, String goal, String competency, boolean drafts, String q) {

        static final FilterInput NONE = new FilterInput(null, null, null, null, null, false, "");
    }

    /** The list, or its results only; {@code deleted} names a moment just deleted, offered for undo on top. */
    String show(
            Model model,
            Owner owner,
            FilterInput input,
            MomentFilter filter,
            Map<String, String> errors,
            Long deleted,
            boolean resultsOnly) {
        MomentPage results = moments.list(owner, filter, PAGE_SIZE);
        model.addAttribute("results", results);
        model.addAttribute("filter", input);
        model.addAttribute("filterErrors", errors);
        model.addAttribute("narrowed", filter.narrowed());
        model.addAttribute("newerUrl", results.page() > 1 ? url(input, results.page() - 1) : null);
        model.addAttribute("olderUrl", results.hasMore() ? url(input, results.page() + 1) : null);
        if (resultsOnly) {
            // A filter change: only the results are replaced, so the catalog need not be read again.
            return "learninglog/list :: results";
        }
        model.addAttribute("categories", catalog.categories(owner.courseId()));
        model.addAttribute("goals", catalog.goals(owner));
        model.addAttribute("competencies", catalog.competencies(owner.courseId()));
        model.addAttribute("internship", internships.summary(owner).orElse(null));
        model.addAttribute(
                "notice",
                deleted == null
                        ? null
                        : moments.deletedTitle(owner, deleted)
                                .map(title -> Notice.undoable(
                                        "log.notice.deleted", title, "/student/log/" + deleted + "/restore"))
                                .orElse(null));
        return "learninglog/list";
    }

    private static String url(FilterInput input, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/student/log");
        add(url, "from", input.from());
        add(url, "to", input.to());
        add(url, "category", input.category());
        add(url, "goal", input.goal());
        add(url, "competency", input.competency());
        add(url, "drafts", input.drafts() ? "on" : null);
        add(url, "q", input.q());
        url.queryParam("page", page);
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isEmpty()) {
            url.queryParam(name, value);
        }
    }
}
