package nl.leerlog.tool.programme.internal;

import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/** A category's name as the add or rename form sends it. Whether the name is taken needs the course: see there. */
record CategoryForm(
        @TypeableText(max = Categories.NAME_LENGTH, required = true)
        String name) {

    String stripped() {
        return TypeableTextRule.stripped(name);
    }

    FormState failed(Long id, FieldErrors errors) {
        return FormState.of("category", id, errors, "name", name);
    }
}
