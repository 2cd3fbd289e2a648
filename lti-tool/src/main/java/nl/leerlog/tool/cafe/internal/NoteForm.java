package nl.leerlog.tool.cafe.internal;

import nl.leerlog.tool.web.TypeableText;

/** The coach's note on a hidden message, or a member's reason for a report (optional there). */
record NoteForm(
        @TypeableText(max = 300, keys = "cafe.error.note.") String note) {}
