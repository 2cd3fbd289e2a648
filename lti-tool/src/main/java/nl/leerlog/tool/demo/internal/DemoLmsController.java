package nl.leerlog.tool.demo.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import nl.leerlog.lti.login.ToolUrls;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo LMS's pages: a course page that embeds the tool in an iframe and starts launches (with or without
 * platform storage), the OIDC authorization endpoint, and the platform's key set.
 */
@Controller
@ConditionalOnProperty(name = "leerlog.demo.enabled", havingValue = "true")
record DemoLmsController(DemoLms lms) {

    static final String STORAGE_FRAME_PATH = "/demo/lms/post_message_forwarding";

    @GetMapping("/")
    String coursePage(Model model, HttpServletResponse response) {
        String toolOrigin = ToolUrls.origin(URI.create(lms.toolUrl()));
        String lmsOrigin = ToolUrls.origin(URI.create(lms.lmsUrl()));
        // The course page frames the tool and the LMS's storage frame, and posts the login form to the tool.
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; "
                        + "frame-src 'self' " + toolOrigin + " " + lmsOrigin + "; form-action 'self' " + toolOrigin
                        + "; frame-ancestors 'none'");
        model.addAttribute("people", Arrays.asList(DemoLms.Person.values()));
        model.addAttribute("settings", lms.settings());
        model.addAttribute("loginUrl", lms.toolUrl() + "/lti/login");
        model.addAttribute("launchUrl", lms.launchUrl());
        model.addAttribute("storageFrameUrl", lms.lmsUrl() + STORAGE_FRAME_PATH);
        return "demo/lms";
    }

    /**
     * Platform storage as Canvas offers it: a hidden frame named {@code post_message_forwarding} on the
     * authorization endpoint's origin inside the course page, which keeps the tool's values and answers
     * {@code lti.put_data} and {@code lti.get_data} (LTI Client Side postMessages) from the tool's origin only.
     */
    @GetMapping(STORAGE_FRAME_PATH)
    String storageFrame(Model model, HttpServletResponse response) {
        String toolOrigin = ToolUrls.origin(URI.create(lms.toolUrl()));
        // Any page may embed it (the demo's course page answers on every host of the app): it keeps nothing but
        // what the tool's own origin put there, and answers no one else.
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; frame-ancestors *");
        model.addAttribute("toolOrigin", toolOrigin);
        return "demo/storage-frame";
    }

    /** OIDC authorization (Sec §5.1.1.2-3): checks the tool's request and form-posts a signed id_token back. */
    @GetMapping("/demo/lms/authorize")
    String authorize(@RequestParam Map<String, String> request, Model model, HttpServletResponse response) {
        require(request, "scope", "openid");
        require(request, "response_type", "id_token");
        require(request, "response_mode", "form_post");
        require(request, "prompt", "none");
        require(request, "client_id", lms.settings().clientId());
        require(request, "redirect_uri", lms.launchUrl());
        String nonce = request.get("nonce");
        String state = request.get("state");
        if (nonce == null || state == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state and nonce are required");
        }
        DemoLms.Person person = Arrays.stream(DemoLms.Person.values())
                .filter(p -> p.hint().equals(request.get("login_hint")))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown login_hint"));
        String toolOrigin = ToolUrls.origin(URI.create(lms.toolUrl()));
        String courseOrigin = ToolUrls.origin(URI.create(lms.courseUrl()));
        // Shown in the course page's frame, on its way from the tool's login to the tool's launch.
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; " + "form-action " + toolOrigin
                        + "; frame-ancestors 'self' " + courseOrigin + " " + toolOrigin);
        model.addAttribute("action", lms.launchUrl());
        model.addAttribute("idToken", lms.idToken(person, nonce));
        model.addAttribute("state", state);
        return "demo/form-post";
    }

    @GetMapping(value = "/demo/lms/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String keys() {
        return lms.publicKeys().toString(true);
    }

    private static void require(Map<String, String> request, String name, String expected) {
        if (!expected.equals(request.get(name))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be " + expected);
        }
    }
}
