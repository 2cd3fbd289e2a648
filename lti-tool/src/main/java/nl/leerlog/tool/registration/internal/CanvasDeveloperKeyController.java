package nl.leerlog.tool.registration.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import nl.leerlog.lti.toolconfig.CanvasDeveloperKey;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Canvas developer key configuration for Leerlog, for an admin to paste or give by URL
 * ({@code /lti/canvas.json}); with {@code ?download} it comes as a file.
 */
@RestController
record CanvasDeveloperKeyController(ToolDescriptions descriptions) {

    static final String PATH = "/lti/canvas.json";

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> developerKey(HttpServletRequest request) {
        Map<String, Object> key = CanvasDeveloperKey.json(
                descriptions.forRequest(request), ToolDescriptions.DEFAULT_LANGUAGE, ToolDescriptions.LANGUAGES);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (request.getParameter("download") != null) {
            answer.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("leerlog-canvas.json")
                            .build()
                            .toString());
        }
        return answer.body(key);
    }
}
