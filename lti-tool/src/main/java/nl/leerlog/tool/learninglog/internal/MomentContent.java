package nl.leerlog.tool.learninglog.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a student wrote about one learning moment, checked and ready to store: the Markdown source, its sanitised
 * HTML and the lower-cased plain text that search looks in.
 */
public record MomentContent(
        LocalDate occurredOn,
        Integer minutesSpent,
        String title,
        MarkdownText.Rendered body,
        Long categoryId,
        Set<Long> goalIds,
        Set<Long> competencyIds,
        List<Person> people,
        boolean draft) {

    public MomentContent {
        goalIds = Set.copyOf(goalIds);
        competencyIds = Set.copyOf(competencyIds);
        people = List.copyOf(people);
    }

    /** Title and body together, lower-cased: what the search box matches. */
    public String searchText() {
        return (title + "\n" + body.plainText()).toLowerCase(java.util.Locale.ROOT);
    }
}
