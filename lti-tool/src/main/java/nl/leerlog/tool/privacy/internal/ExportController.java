package nl.leerlog.tool.privacy.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.Section;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The student's download of everything of theirs in the course, as one zip written to the response while it is made
 * (GDPR art. 15(3) and 20). Only the launched student gets it, of their own records only.
 */
@Controller
@Section("privacy")
record ExportController(PersonalDataExport export, Clock clock) {

    @GetMapping("/student/privacy/export")
    void download(CurrentUser user, Locale locale, HttpServletResponse response) throws IOException {
        Owner owner = Owner.of(user);
        String name = "leerlog-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".zip";
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        export.write(owner, user, locale, response.getOutputStream());
        response.flushBuffer();
    }
}
