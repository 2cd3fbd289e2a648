package nl.leerlog.tool.cafe.internal;

import nl.leerlog.tool.web.TypeableText;

/** A group's name and coach, as a coordinator sets them; no coach yet is allowed. */
record GroupForm(
        @TypeableText(max = 80, required = true, singleLine = true, keys = "cafe.error.name.")
        String name,

        Long coachId) {}
