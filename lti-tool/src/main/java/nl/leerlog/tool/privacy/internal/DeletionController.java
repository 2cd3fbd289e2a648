package nl.leerlog.tool.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The student deletes all their data of the course (GDPR art. 17): they type the word the page asks for, and after a
 * waiting period ({@code leerlog.privacy.erasure-wait}, 7 days) in which they can cancel, housekeeping erases it.
 */
@Controller
@Section("privacy")
class DeletionController {

    static final String PAGE = "/student/privacy/delete";

    private final Erasures erasures;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration wait;

    DeletionController(
            Erasures erasures,
            MessageSource messages,
            Clock clock,
            @Value("${leerlog.privacy.erasure-wait:P7D}") Duration wait) {
        this.erasures = erasures;
        this.messages = messages;
        this.clock = clock;
        this.wait = wait;
    }

    /** What the confirmation field receives; the word to type is in the page's language. */
    record DeletionForm(String word) {}

    @GetMapping(PAGE)
    ModelAndView page(Owner owner, @RequestParam(required = false) String done) {
        Notice notice = null;
        if ("requested".equals(done)) {
            notice = Notice.of("privacy.delete.requested", null);
        } else if ("cancelled".equals(done)) {
            notice = Notice.of("privacy.delete.cancelled", null);
        }
        return page(owner, FormState.NONE, notice, HttpStatus.OK);
    }

    @PostMapping(PAGE)
    ModelAndView request(Owner owner, DeletionForm form, Locale locale) {
        String word = messages.getMessage("privacy.delete.word", null, locale);
        String typed = form.word() == null ? "" : form.word().strip();
        if (!typed.equalsIgnoreCase(word)) {
            FieldErrors errors = FieldErrors.of("word", "privacy.delete.error.word");
            return page(
                    owner,
                    FormState.of("delete", null, errors, "word", typed.length() > 50 ? "" : typed),
                    null,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Instant now = clock.instant();
        erasures.request(owner, now, now.plus(wait));
        return new ModelAndView(FormAnswers.redirect(PAGE + "?done=requested"));
    }

    @PostMapping(PAGE + "/cancel")
    String cancel(Owner owner) {
        if (!erasures.cancel(owner, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect(PAGE + "?done=cancelled");
    }

    private ModelAndView page(Owner owner, FormState failed, Notice notice, HttpStatus status) {
        ExtendedModelMap model = new ExtendedModelMap();
        model.addAttribute("pending", erasures.pending(owner).orElse(null));
        model.addAttribute("history", erasures.history(owner));
        model.addAttribute("waitDays", wait.toDays());
        model.addAttribute("failed", failed);
        model.addAttribute("notice", notice);
        return new ModelAndView("privacy/delete", model, status);
    }
}
