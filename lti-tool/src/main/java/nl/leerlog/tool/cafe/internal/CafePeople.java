package nl.leerlog.tool.cafe.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How a channel shows the people who wrote in it: by name, and those who left its group as former members. */
@Component
record CafePeople(InternshipTeachers people, MessageSource texts) {

    /**
     * The names of the course's active people, "no name shared" for those the platform gives none; someone who left
     * the course is missing, and shows as a former member.
     */
    Map<Long, String> names(long courseId, Locale locale) {
        String unnamed = texts.getMessage("cafe.unnamed", null, locale);
        Map<Long, String> names = new HashMap<>();
        people.members(courseId)
                .forEach(member -> names.put(member.id(), member.name() == null ? unnamed : member.name()));
        return names;
    }

    /** The members who left, from {@link CafeGroups#everMembers}. */
    static List<Long> formerMembers(Map<Long, Boolean> everMembers) {
        List<Long> former = new ArrayList<>();
        everMembers.forEach((member, current) -> {
            if (!current) {
                former.add(member);
            }
        });
        return former;
    }
}
