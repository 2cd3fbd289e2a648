package nl.leerlog.tool.learninglog.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.UploadChecks;
import nl.leerlog.tool.learninglog.internal.MomentView.Done;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceUpload;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceUploads;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.Goal;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Writing a learning moment: the form for a new one and for an edit, saving (as a draft or for real), the moment's
 * own page, and delete with undo. Every change answers as {@link FormAnswers} do: a redirect to the page that tells
 * of it, or the form again with the student's input and a message at each field.
 */
@Controller
@Section("log")
record MomentController(
        LearningMoments moments,
        MomentSaving saving,
        MomentFormCheck check,
        MomentView view,
        ProgrammeCatalog catalog,
        EvidenceUploads uploads,
        Clock clock) {

    @GetMapping("/student/log/new")
    String newMoment(Owner owner, Model model) {
        return form(model, owner, MomentForm.empty(LocalDate.now(clock)), null, Map.of(), List.of(), false);
    }

    @PostMapping("/student/log")
    String create(
            Owner owner,
            Model model,
            HttpServletResponse response,
            @Valid MomentForm form,
            BindingResult binding,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> files) {
        List<EvidenceUploads.Checked> checked = check(files);
        MomentFormCheck.Result result = check.check(
                form,
                FieldErrors.of(binding),
                offer(owner, null, accepted(checked).size()));
        if (!result.valid() || refused(checked)) {
            return rejected(response, model, owner, form, null, result, checked);
        }
        long id = saving.create(owner, result.content(), accepted(checked), clock.instant());
        return saved(id, form.draft());
    }

    /** The form again with everything typed and a message at each field; chosen files must be chosen again. */
    private String rejected(
            HttpServletResponse response,
            Model model,
            Owner owner,
            MomentForm form,
            MomentDetails moment,
            MomentFormCheck.Result result,
            List<EvidenceUploads.Checked> checked) {
        return FormAnswers.rejected(
                response,
                form(model, owner, form, moment, errors(result, checked), refusals(checked), !checked.isEmpty()));
    }

    private static String saved(long id, boolean draft) {
        return FormAnswers.redirect((draft ? Done.DRAFT_SAVED : Done.SAVED).page(id));
    }

    @GetMapping("/student/log/{id}")
    String show(
            Owner owner,
            Model model,
            HttpServletResponse response,
            @PathVariable long id,
            @RequestParam(required = false) String done,
            @RequestParam(name = "evidence-deleted", required = false) Long deletedEvidence) {
        return view.show(model, response, owner, id, done, deletedEvidence);
    }

    @GetMapping("/student/log/{id}/edit")
    String edit(Owner owner, Model model, @PathVariable long id) {
        MomentDetails moment = moments.find(owner, id).orElseThrow(Owner::notFound);
        return form(model, owner, MomentForm.of(moment), moment, Map.of(), List.of(), false);
    }

    @PostMapping("/student/log/{id}")
    String update(
            Owner owner,
            Model model,
            HttpServletResponse response,
            @PathVariable long id,
            @Valid MomentForm form,
            BindingResult binding,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> files) {
        MomentDetails moment = moments.find(owner, id).orElseThrow(Owner::notFound);
        List<EvidenceUploads.Checked> checked = check(files);
        MomentFormCheck.Result result = check.check(
                form,
                FieldErrors.of(binding),
                offer(
                        owner,
                        moment,
                        moment.evidence().size() + accepted(checked).size()));
        if (!result.valid() || refused(checked)) {
            return rejected(response, model, owner, form, moment, result, checked);
        }
        saving.update(owner, id, result.content(), accepted(checked), clock.instant());
        return saved(id, form.draft());
    }

    @PostMapping("/student/log/{id}/delete")
    String delete(Owner owner, @PathVariable long id) {
        moments.delete(owner, id, clock.instant());
        return FormAnswers.redirect("/student/log?deleted=" + id);
    }

    @PostMapping("/student/log/{id}/restore")
    String restore(Owner owner, @PathVariable long id) {
        moments.restore(owner, id);
        return FormAnswers.redirect(Done.RESTORED.page(id));
    }

    private String form(
            Model model,
            Owner owner,
            MomentForm form,
            MomentDetails moment,
            Map<String, String> errors,
            List<EvidenceUploads.Checked> refused,
            boolean filesLost) {
        model.addAttribute("form", form);
        model.addAttribute("moment", moment);
        model.addAttribute("errors", errors);
        model.addAttribute("refusedFiles", refused);
        model.addAttribute("filesLost", filesLost);
        model.addAttribute("categories", catalog.categories(owner.courseId()));
        model.addAttribute("goals", catalog.goals(owner));
        model.addAttribute("competencies", catalog.competencies(owner.courseId()));
        model.addAttribute(
                "required",
                catalog.requiredFields(owner.courseId()).stream()
                        .map(Enum::name)
                        .collect(Collectors.toSet()));
        model.addAttribute("maxFileSize", uploads.maxFileSizeLabel());
        return "learninglog/form";
    }

    /**
     * What this student may link to: the course's categories, goals and competencies, plus whatever the moment is
     * already linked to (an archived category stays valid on the moments that have it).
     */
    private MomentFormCheck.Offer offer(Owner owner, MomentDetails moment, int evidenceFiles) {
        Set<Long> categories = ids(catalog.categories(owner.courseId()));
        Set<Long> goals = catalog.goals(owner).stream().map(Goal::id).collect(Collectors.toCollection(HashSet::new));
        Set<Long> competencies = ids(catalog.competencies(owner.courseId()));
        if (moment != null) {
            if (moment.category() != null) {
                categories.add(moment.category().id());
            }
            goals.addAll(moment.goalIds());
            competencies.addAll(moment.competencyIds());
        }
        return new MomentFormCheck.Offer(
                categories, goals, competencies, catalog.requiredFields(owner.courseId()), evidenceFiles);
    }

    private static Set<Long> ids(List<Choice> choices) {
        return choices.stream().map(Choice::id).collect(Collectors.toCollection(HashSet::new));
    }

    /** The files the student chose, checked. */
    private List<EvidenceUploads.Checked> check(List<MultipartFile> files) {
        return UploadChecks.chosen(files).stream().map(uploads::check).toList();
    }

    private static List<EvidenceUpload> accepted(List<EvidenceUploads.Checked> checked) {
        return checked.stream()
                .filter(EvidenceUploads.Checked::accepted)
                .map(EvidenceUploads.Checked::upload)
                .toList();
    }

    private static boolean refused(List<EvidenceUploads.Checked> checked) {
        return checked.stream().anyMatch(c -> !c.accepted());
    }

    private static List<EvidenceUploads.Checked> refusals(List<EvidenceUploads.Checked> checked) {
        return checked.stream().filter(c -> !c.accepted()).toList();
    }

    private static Map<String, String> errors(MomentFormCheck.Result result, List<EvidenceUploads.Checked> checked) {
        Map<String, String> errors = new java.util.LinkedHashMap<>(result.errors());
        if (refused(checked)) {
            errors.put("evidence", "log.evidence.error.refused");
        }
        return errors;
    }
}
