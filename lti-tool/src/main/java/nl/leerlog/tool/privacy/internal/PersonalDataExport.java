package nl.leerlog.tool.privacy.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The student's export as one zip, written straight to the response while it is made: {@code leerlog.json} (the
 * records, machine-readable, GDPR art. 20), {@code leerlog.schema.json} (its JSON Schema), {@code portfolio.html} (the
 * same records, readable, self-contained) and every file under {@code files/}. The records are the student's own
 * texts; files go through one at a time by stream, so a large evidence set never sits in memory.
 */
@Component
class PersonalDataExport {

    /** The format's version in {@code leerlog.json}; {@code src/docs/export.md} describes each. */
    static final int VERSION = 1;

    static final String SCHEMA = "export/leerlog.schema.json";

    private final List<ExportableRecords> features;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    PersonalDataExport(List<ExportableRecords> features, MessageSource messages, Clock clock) {
        this.features = features;
        this.messages = messages;
        this.clock = clock;
    }

    private record Section(ExportableRecords feature, String title, List<ExportedRecord> records) {}

    /** Writes the owner's export to {@code out}; {@code user} names the student and the course in it. */
    void write(Owner owner, CurrentUser user, Locale locale, OutputStream out) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Section> sections = new ArrayList<>();
        for (ExportableRecords feature : features) {
            sections.add(new Section(feature, feature.title(locale), feature.exportOf(owner, locale)));
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        OutputStream entry = new KeepOpen(zip);

        zip.putNextEntry(new ZipEntry("leerlog.json"));
        json.writeValue(entry, document(user, now, sections));
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry("leerlog.schema.json"));
        try (InputStream schema = new ClassPathResource(SCHEMA).getInputStream()) {
            schema.transferTo(entry);
        }
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry("portfolio.html"));
        Writer html = new OutputStreamWriter(entry, StandardCharsets.UTF_8);
        portfolio(html, user, now, locale, sections);
        html.flush();
        zip.closeEntry();

        for (Section section : sections) {
            for (ExportedRecord record : section.records()) {
                for (ExportedRecord.File file : record.files()) {
                    zip.putNextEntry(new ZipEntry(path(section.feature().kind(), file)));
                    section.feature().copyFile(owner, file.ref(), entry);
                    zip.closeEntry();
                }
            }
        }
        zip.finish();
        zip.flush();
    }

    private static Map<String, Object> document(CurrentUser user, Instant now, List<Section> sections) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "leerlog-export");
        document.put("version", VERSION);
        document.put("exportedAt", now.toString());
        document.put("student", ordered("id", user.userId(), "name", user.name()));
        document.put("course", ordered("id", user.courseId(), "title", user.courseTitle()));
        List<Object> parts = new ArrayList<>();
        for (Section section : sections) {
            List<Object> records = new ArrayList<>();
            for (ExportedRecord record : section.records()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                record.fields().forEach(field -> fields.put(field.name(), field.value()));
                List<Object> files = new ArrayList<>();
                for (ExportedRecord.File file : record.files()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", path(section.feature().kind(), file));
                    entry.put("fileName", file.fileName());
                    entry.put("contentType", file.contentType());
                    entry.put("sizeBytes", file.sizeBytes());
                    entry.put("sha256", file.sha256());
                    files.add(entry);
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", record.id());
                entry.put("title", record.title());
                entry.put("fields", fields);
                entry.put("files", files);
                records.add(entry);
            }
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("kind", section.feature().kind());
            part.put("records", records);
            parts.add(part);
        }
        document.put("sections", parts);
        return document;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /**
     * The file's place in the zip: under its feature's kind, its ref first so two files of one name stay apart, and
     * a name of letters, digits, dots, dashes and underscores only, so no entry reaches outside the folder it is
     * unpacked in.
     */
    static String path(String kind, ExportedRecord.File file) {
        String name = Normalizer.normalize(file.fileName(), Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}._-]+", "_")
                .replaceAll("^[._]+", "");
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        String ref = file.ref().replaceAll("[^A-Za-z0-9-]", "_");
        return "files/" + kind + "/" + ref + "-" + (name.isEmpty() ? "file" : name);
    }

    private void portfolio(Writer out, CurrentUser user, Instant now, Locale locale, List<Section> sections)
            throws IOException {
        String title = text("privacy.export.portfolio.title", locale);
        out.write("<!DOCTYPE html>\n<html lang=\"" + (locale.getLanguage().equals("nl") ? "nl" : "en") + "\">\n");
        out.write("<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Nothing of this page is fetched from anywhere: it opens from the unpacked zip, offline, as it is.
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src 'self'\">\n");
        out.write("<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n");
        out.write("<h1>" + escape(title) + "</h1>\n");
        out.write("<p class=\"meta\">"
                + escape(text("privacy.export.portfolio.of", locale, orDash(user.name()), orDash(user.courseTitle())))
                + "<br>" + escape(text("privacy.export.portfolio.exported", locale, now.toString())) + "</p>\n");
        for (Section section : sections) {
            out.write("<section>\n<h2>" + escape(section.title()) + "</h2>\n");
            if (section.records().isEmpty()) {
                out.write("<p>" + escape(text("privacy.export.portfolio.none", locale)) + "</p>\n");
            }
            for (ExportedRecord record : section.records()) {
                out.write("<article>\n<h3>" + escape(record.title()) + "</h3>\n<dl>\n");
                for (ExportedRecord.Field field : record.fields()) {
                    if (field.value() == null
                            || field.value().equals("")
                            || field.value() instanceof List<?> list && list.isEmpty()) {
                        continue;
                    }
                    out.write("<dt>" + escape(field.label()) + "</dt>\n");
                    out.write((field.longText() ? "<dd class=\"text\">" : "<dd>") + escape(shown(field, locale))
                            + "</dd>\n");
                }
                if (!record.files().isEmpty()) {
                    out.write("<dt>" + escape(text("privacy.export.portfolio.files", locale)) + "</dt>\n<dd><ul>\n");
                    for (ExportedRecord.File file : record.files()) {
                        out.write("<li><a href=\""
                                + escape(path(section.feature().kind(), file)) + "\">"
                                + escape(file.fileName()) + "</a> ("
                                + escape(
                                        text("privacy.export.portfolio.size", locale, (file.sizeBytes() + 1023) / 1024))
                                + ")</li>\n");
                    }
                    out.write("</ul></dd>\n");
                }
                out.write("</dl>\n</article>\n");
            }
            out.write("</section>\n");
        }
        out.write("</main>\n</body>\n</html>\n");
    }

    private String shown(ExportedRecord.Field field, Locale locale) {
        return switch (field.value()) {
            case Boolean yes -> text(yes ? "privacy.export.portfolio.yes" : "privacy.export.portfolio.no", locale);
            case List<?> list ->
                String.join(", ", list.stream().map(String::valueOf).toList());
            default -> String.valueOf(field.value());
        };
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
            main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
            h1 { font-size: 1.75rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #888; }
            article { margin: 1.25rem 0; padding: 0.75rem 1rem; border: 1px solid #ccc; border-radius: 4px; }
            h3 { margin: 0 0 0.5rem; } dt { font-weight: 600; margin-top: 0.5rem; } dd { margin: 0; }
            dd.text { white-space: pre-wrap; } .meta { color: #444; } a { color: #0b57a3; }
            @media print { article { break-inside: avoid; } }
            """;

    /** The zip's stream for one entry: whoever writes an entry may close what they wrote to, not the zip. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
