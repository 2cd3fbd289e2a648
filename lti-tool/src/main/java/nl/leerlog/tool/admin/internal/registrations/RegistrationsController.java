package nl.leerlog.tool.admin.internal.registrations;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.leerlog.lti.config.LtiProperties;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.tool.admin.internal.launchlog.FrameOrigins;
import nl.leerlog.tool.admin.internal.launchlog.LaunchLog;
import nl.leerlog.tool.admin.internal.launchlog.LaunchLog.LaunchEvent;
import nl.leerlog.tool.admin.internal.launchlog.LaunchLog.RegistrationActivity;
import nl.leerlog.tool.registration.DatabasePlatformRegistrations.ExtraRegistrations;
import nl.leerlog.tool.registration.RegistrationAdministration;
import nl.leerlog.tool.registration.RegistrationAdministration.DuplicateRegistration;
import nl.leerlog.tool.registration.StoredRegistration;
import nl.leerlog.tool.web.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registrations as the console shows and changes them: the list, a manual form for platforms without Dynamic
 * Registration, approve, disable, enable, delete, and deployments. Registrations from configuration
 * ({@code lti.platforms[N]}) or code (the demo LMS) are shown read-only.
 */
@Controller
class RegistrationsController {

    static final int EVENTS_SHOWN = 20;

    private final RegistrationAdministration administration;
    private final LaunchLog launches;
    private final FrameOrigins frameOrigins;
    private final LtiProperties properties;
    private final List<ExtraRegistrations> extra;
    private final Validator validator;

    RegistrationsController(
            RegistrationAdministration administration,
            LaunchLog launches,
            FrameOrigins frameOrigins,
            LtiProperties properties,
            List<ExtraRegistrations> extra,
            Validator validator) {
        this.administration = administration;
        this.launches = launches;
        this.frameOrigins = frameOrigins;
        this.properties = properties;
        this.extra = List.copyOf(extra);
        this.validator = validator;
    }

    /** One line of the list: a stored registration ({@code id} set) or a configured one (read-only). */
    public record RegistrationRow(
            Long id,
            String registrationId,
            String issuer,
            String clientId,
            String platformName,
            String status,
            String source,
            Collection<String> deploymentIds,
            Optional<LaunchEvent> lastLaunch,
            Optional<LaunchEvent> lastError) {

        public boolean configured() {
            return id == null;
        }
    }

    @GetMapping("/admin/registrations")
    String list(Model model) {
        Map<String, RegistrationActivity> activity = launches.activityByRegistration();
        List<RegistrationRow> rows = new ArrayList<>();
        for (StoredRegistration stored : administration.list()) {
            String registrationId = RegistrationAdministration.target(stored.details());
            RegistrationActivity seen = activity.getOrDefault(registrationId, RegistrationActivity.NONE);
            rows.add(new RegistrationRow(
                    stored.id(),
                    registrationId,
                    stored.details().issuer(),
                    stored.details().clientId(),
                    stored.details().platformName(),
                    stored.status().name(),
                    stored.source().name(),
                    stored.deploymentIds(),
                    seen.lastLaunch(),
                    seen.lastError()));
        }
        for (PlatformRegistration configured : configured()) {
            RegistrationActivity seen = activity.getOrDefault(configured.id().toString(), RegistrationActivity.NONE);
            rows.add(new RegistrationRow(
                    null,
                    configured.id().toString(),
                    configured.issuer(),
                    configured.clientId(),
                    null,
                    "ACTIVE",
                    "CONFIGURATION",
                    new TreeSet<>(configured.deploymentIds()),
                    seen.lastLaunch(),
                    seen.lastError()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("page", "registrations");
        return "admin/registrations/list";
    }

    @GetMapping("/admin/registrations/new")
    String newRegistration(Model model) {
        return form(model, RegistrationForm.blank(), FieldErrors.none(), null);
    }

    @PostMapping("/admin/registrations")
    String create(
            @Valid @ModelAttribute RegistrationForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return invalid(model, form, FieldErrors.of(binding), null, response);
        }
        try {
            long id = administration.create(form.details(), form.deployments());
            redirect.addFlashAttribute("notice", "admin.registration.notice.created");
            return "redirect:/admin/registrations/" + id;
        } catch (DuplicateRegistration e) {
            return invalid(
                    model,
                    form,
                    new FieldErrors(Map.of("clientId", "admin.registration.error.duplicate")),
                    null,
                    response);
        }
    }

    @GetMapping("/admin/registrations/{id}")
    String show(@PathVariable long id, Model model) {
        StoredRegistration registration = administration.get(id);
        String registrationId = RegistrationAdministration.target(registration.details());
        model.addAttribute("registration", registration);
        events(model, registrationId);
        model.addAttribute("page", "registrations");
        return "admin/registrations/detail";
    }

    /** A registration from configuration or code: its settings and launches, nothing to change. */
    @GetMapping("/admin/registrations/configured")
    String showConfigured(@RequestParam String id, Model model) {
        PlatformRegistration registration = configured().stream()
                .filter(candidate -> candidate.id().toString().equals(id))
                .findFirst()
                .orElseThrow(() -> new ConfiguredRegistrationNotFound(id));
        model.addAttribute("registration", registration);
        model.addAttribute(
                "algorithms",
                registration.algorithms().stream()
                        .map(Object::toString)
                        .sorted()
                        .toList());
        model.addAttribute("deploymentIds", new TreeSet<>(registration.deploymentIds()));
        events(model, registration.id().toString());
        model.addAttribute("page", "registrations");
        return "admin/registrations/configured";
    }

    @GetMapping("/admin/registrations/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, RegistrationForm.of(administration.get(id)), FieldErrors.none(), id);
    }

    @PostMapping("/admin/registrations/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute RegistrationForm submitted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StoredRegistration stored = administration.get(id);
        // Issuer and client id are the registration's identity: an edit keeps them, whatever was posted.
        RegistrationForm form = submitted.withIdentity(
                stored.details().issuer(), stored.details().clientId());
        // Validated as it will be saved, so with the stored identity rather than the posted one.
        FieldErrors errors = FieldErrors.of(validator.validate(form));
        if (errors.any()) {
            return invalid(model, form, errors, id, response);
        }
        administration.update(id, form.details());
        redirect.addFlashAttribute("notice", "admin.registration.notice.updated");
        return "redirect:/admin/registrations/" + id;
    }

    /** Approving, disabling and enabling each change the status only; the registration's page then says so. */
    @PostMapping("/admin/registrations/{id}/{change:approve|disable|enable}")
    String changeStatus(@PathVariable long id, @PathVariable String change, RedirectAttributes redirect) {
        String notice = switch (change) {
            case "approve" -> {
                administration.approve(id);
                yield "admin.registration.notice.approved";
            }
            case "disable" -> {
                administration.disable(id);
                yield "admin.registration.notice.disabled";
            }
            default -> {
                administration.enable(id);
                yield "admin.registration.notice.enabled";
            }
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/registrations/" + id;
    }

    @GetMapping("/admin/registrations/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("registration", administration.get(id));
        model.addAttribute("page", "registrations");
        return "admin/registrations/delete";
    }

    @PostMapping("/admin/registrations/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        administration.delete(id);
        redirect.addFlashAttribute("notice", "admin.registration.notice.deleted");
        return "redirect:/admin/registrations";
    }

    @PostMapping("/admin/registrations/{id}/deployments")
    String addDeployment(
            @PathVariable long id,
            @Valid DeploymentForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("deploymentErrors", errors);
            model.addAttribute("deploymentId", form.deploymentId());
            return show(id, model);
        }
        administration.addDeployment(id, form.stripped());
        redirect.addFlashAttribute("notice", "admin.registration.notice.deployment-added");
        return "redirect:/admin/registrations/" + id;
    }

    @PostMapping("/admin/registrations/{id}/deployments/remove")
    String removeDeployment(@PathVariable long id, @RequestParam String deploymentId, RedirectAttributes redirect) {
        administration.removeDeployment(id, deploymentId);
        redirect.addFlashAttribute("notice", "admin.registration.notice.deployment-removed");
        return "redirect:/admin/registrations/" + id;
    }

    /** Registrations from {@code lti.platforms[N]} and from code (the demo LMS): read-only here. */
    private List<PlatformRegistration> configured() {
        List<PlatformRegistration> configured = new ArrayList<>(properties.registrations());
        extra.forEach(source -> configured.addAll(source.all()));
        return configured;
    }

    private void events(Model model, String registrationId) {
        model.addAttribute("registrationId", registrationId);
        model.addAttribute("lastLaunches", launches.ofRegistration(registrationId, true, EVENTS_SHOWN));
        model.addAttribute("lastErrors", launches.ofRegistration(registrationId, false, EVENTS_SHOWN));
        model.addAttribute("frameOrigins", frameOrigins.ofRegistration(registrationId));
    }

    private static String form(Model model, RegistrationForm form, FieldErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("registrationId", id);
        model.addAttribute("algorithmChoices", RegistrationForm.ALGORITHMS);
        model.addAttribute("privacyLevels", RegistrationForm.PRIVACY_LEVELS);
        model.addAttribute("page", "registrations");
        return "admin/registrations/form";
    }

    /** The form again, with every input as typed and each error next to its field. */
    private static String invalid(
            Model model, RegistrationForm form, FieldErrors errors, Long id, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, form, errors, id);
    }

    /** No configured registration has this id. */
    static final class ConfiguredRegistrationNotFound extends RuntimeException {
        ConfiguredRegistrationNotFound(String id) {
            super("no configured registration " + id);
        }
    }
}
