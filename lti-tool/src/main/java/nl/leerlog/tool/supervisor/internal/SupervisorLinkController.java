package nl.leerlog.tool.supervisor.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.supervisor.SupervisorLinkMailRequested;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The student makes a link for their workplace supervisor: chosen items, read-only, until a day they choose (at most
 * two weeks), with an optional question the supervisor can answer without an account. The link is shown once, right
 * after it is made, to copy; only its hash is kept. With an address the tool mails it too, through the outbox.
 */
@Controller
@Section("privacy")
class SupervisorLinkController {

    static final String PATH = "/student/privacy/supervisor";

    private final SupervisorLinks links;
    private final Map<String, ShareableRecords> shareable;
    private final Internships internships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisorLinkController(
            SupervisorLinks links,
            List<ShareableRecords> shareable,
            Internships internships,
            ApplicationEventPublisher events,
            Clock clock) {
        this.links = links;
        this.shareable = shareable.stream().collect(Collectors.toMap(ShareableRecords::kind, Function.identity()));
        this.internships = internships;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String form(Owner owner, Model page) {
        // The supervisor the student entered with their internship data, to start from.
        Optional<Internship> internship = internships.find(owner.courseId(), owner.userId());
        LinkForm form = LinkForm.of(
                internship.map(Internship::supervisorName).orElse(""),
                internship.map(Internship::supervisorEmail).orElse(""));
        return formPage(owner, form, FieldErrors.none(), page);
    }

    /**
     * Answers with the made link itself rather than a redirect: the token exists only in this answer (and the mail),
     * so no later page could show it again.
     */
    @PostMapping(PATH)
    @Transactional
    String create(
            Owner owner,
            CurrentUser user,
            @Valid LinkForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.has("days") && form.days() != null && !LinkForm.DAYS.contains(form.days())) {
            errors = errors.with("days", "supervisor.error.days");
        }
        if (!errors.has("supervisorEmail") && !form.emailLooksRight()) {
            errors = errors.with("supervisorEmail", "supervisor.error.email");
        }
        List<SupervisorLinks.Item> items = new ArrayList<>();
        if (!errors.has("items")) {
            for (String key : new LinkedHashSet<>(form.items())) {
                Optional<SupervisorLinks.Item> item = item(owner, user, key);
                if (item.isEmpty()) {
                    errors = errors.with("items", "supervisor.error.item");
                    break;
                }
                items.add(item.get());
            }
            if (items.isEmpty() && !errors.has("items")) {
                errors = errors.with("items", "supervisor.error.no-items");
            }
        }
        if (errors.any()) {
            return FormAnswers.rejected(response, formPage(owner, form, errors, page));
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(form.days()));
        String token = LinkTokens.newToken();
        String hash = LinkTokens.hash(token).orElseThrow();
        long id = links.create(
                owner,
                hash,
                new SupervisorLinks.NewLink(form.name(), form.email(), form.question(), expiresAt, user.locale()),
                items,
                now);
        String path = SupervisorPageController.PATH + "/" + token;
        if (form.email() != null) {
            events.publishEvent(new SupervisorLinkMailRequested(
                    id,
                    owner.courseId(),
                    owner.userId(),
                    user.name(),
                    form.name(),
                    form.email(),
                    path,
                    form.question(),
                    expiresAt,
                    user.locale()));
        }
        page.addAttribute(
                "url",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(path)
                        .build()
                        .toUriString());
        page.addAttribute("supervisorName", form.name());
        page.addAttribute("mailedTo", form.email());
        page.addAttribute("expiresAt", expiresAt.atZone(java.time.ZoneId.of("Europe/Amsterdam")));
        // Neither the browser nor a proxy keeps the answer: it holds the link's secret.
        response.setHeader("Cache-Control", "no-store");
        return "supervisor/created";
    }

    private Optional<SupervisorLinks.Item> item(Owner owner, CurrentUser user, String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        ShareableRecords records = shareable.get(key.substring(0, colon));
        String id = key.substring(colon + 1);
        if (records == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long recordId = Long.parseLong(id);
        return records.snapshot(owner, recordId, user.locale())
                .map(snapshot -> new SupervisorLinks.Item(records.kind(), recordId, snapshot));
    }

    private String formPage(Owner owner, LinkForm form, FieldErrors errors, Model page) {
        List<ShareableItem> choices = shareable.values().stream()
                .flatMap(records -> records.shareable(owner).stream())
                .sorted(java.util.Comparator.comparing(
                                ShareableItem::date,
                                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                        .reversed())
                .toList();
        page.addAttribute("choices", choices);
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("dayChoices", LinkForm.DAYS);
        page.addAttribute("maxItems", LinkForm.MAX_ITEMS);
        return "supervisor/new";
    }
}
