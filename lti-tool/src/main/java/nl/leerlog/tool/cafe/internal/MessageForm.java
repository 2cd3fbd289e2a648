package nl.leerlog.tool.cafe.internal;

import nl.leerlog.tool.web.TypeableText;

/** A message as typed: plain text, line breaks allowed. */
record MessageForm(
        @TypeableText(max = 2000, required = true, keys = "cafe.error.body.")
        String body) {}
