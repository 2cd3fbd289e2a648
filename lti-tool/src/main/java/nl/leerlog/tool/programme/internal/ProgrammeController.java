package nl.leerlog.tool.programme.internal;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.programme.MomentField;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.programme.ReflectionModels;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.Section;
import nl.leerlog.tool.web.TypeableTextRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The programme page of a course's coordinators (teachers): categories, learning goals, competencies, required
 * fields and the reflection model. The course is always the one of the session, never one a form names; a row of
 * another course is not found. Bad input shows the page again with the messages and the input kept (422).
 */
@Controller
@RequestMapping("/teacher/programme")
@Section("programme")
record ProgrammeController(
        ProgrammeCatalog catalog,
        Categories categories,
        ProgrammeGoals goals,
        Competencies competencies,
        CompetencyImport competencyImport,
        ReflectionModels models,
        ProgrammeSettings settings) {

    private static final String PAGE = FormAnswers.redirect("/teacher/programme");

    @GetMapping
    ModelAndView page(CurrentUser user, Locale locale) {
        return page(user, locale, FormState.NONE, null, HttpStatus.OK);
    }

    // Categories

    @PostMapping("/categories")
    ModelAndView addCategory(CurrentUser user, Locale locale, @Valid CategoryForm form, BindingResult binding) {
        FieldErrors errors = checkCategory(user.courseId(), form, binding, null);
        if (!errors.any()) {
            try {
                categories.add(user.courseId(), form.stripped());
                return new ModelAndView(PAGE);
            } catch (DuplicateKeyException sameNameAddedMeanwhile) {
                errors = error("name", "programme.category.error.taken");
            }
        }
        return refused(user, locale, form.failed(null, errors));
    }

    @PostMapping("/categories/{id}")
    ModelAndView renameCategory(
            CurrentUser user, Locale locale, @PathVariable long id, @Valid CategoryForm form, BindingResult binding) {
        FieldErrors errors = checkCategory(user.courseId(), form, binding, id);
        if (!errors.any()) {
            try {
                categories.rename(user.courseId(), id, form.stripped());
                return new ModelAndView(PAGE);
            } catch (DuplicateKeyException sameNameAddedMeanwhile) {
                errors = error("name", "programme.category.error.taken");
            }
        }
        return refused(user, locale, form.failed(id, errors));
    }

    @PostMapping("/categories/{id}/move")
    String moveCategory(CurrentUser user, @PathVariable long id, @RequestParam Categories.Direction direction) {
        categories.move(user.courseId(), id, direction);
        return PAGE;
    }

    @PostMapping("/categories/{id}/archive")
    String archiveCategory(
            CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived) {
        categories.archive(user.courseId(), id, archived);
        return PAGE;
    }

    /** The form's own rules first; whether another category of the course has the name needs the database. */
    private FieldErrors checkCategory(long courseId, CategoryForm form, BindingResult binding, Long id) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.any() && categories.nameTaken(courseId, form.stripped(), id)) {
            return error("name", "programme.category.error.taken");
        }
        return errors;
    }

    // Learning goals and learning questions of the programme

    @PostMapping("/goals")
    ModelAndView addGoal(CurrentUser user, Locale locale, @Valid GoalForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return refused(user, locale, form.failed("goal", null, FieldErrors.of(binding)));
        }
        GoalForm.Checked goal = form.checked();
        goals.add(user.courseId(), goal.kind(), goal.title(), goal.description());
        return new ModelAndView(PAGE);
    }

    @PostMapping("/goals/{id}")
    ModelAndView editGoal(
            CurrentUser user, Locale locale, @PathVariable long id, @Valid GoalForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return refused(user, locale, form.failed("goal", id, FieldErrors.of(binding)));
        }
        GoalForm.Checked goal = form.checked();
        goals.update(user.courseId(), id, goal.kind(), goal.title(), goal.description());
        return new ModelAndView(PAGE);
    }

    @PostMapping("/goals/{id}/archive")
    String archiveGoal(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived) {
        goals.archive(user.courseId(), id, archived);
        return PAGE;
    }

    // Competencies

    @PostMapping("/competencies")
    ModelAndView addCompetency(CurrentUser user, Locale locale, @Valid CompetencyForm form, BindingResult binding) {
        return saveCompetency(user, locale, null, form, binding);
    }

    @PostMapping("/competencies/{id}")
    ModelAndView editCompetency(
            CurrentUser user, Locale locale, @PathVariable long id, @Valid CompetencyForm form, BindingResult binding) {
        return saveCompetency(user, locale, id, form, binding);
    }

    private ModelAndView saveCompetency(
            CurrentUser user, Locale locale, Long id, CompetencyForm form, BindingResult binding) {
        FieldErrors errors = FieldErrors.of(binding);
        CompetencyForm.Checked competency = form.checked();
        // Whether another competency of the course has the code needs the database: after the form's own rules.
        if (!errors.any() && competencies.codeTaken(user.courseId(), competency.code(), id)) {
            errors = error("code", "programme.competency.error.taken");
        }
        if (!errors.any()) {
            try {
                if (id == null) {
                    competencies.add(user.courseId(), competency.code(), competency.name(), competency.description());
                } else {
                    competencies.update(
                            user.courseId(), id, competency.code(), competency.name(), competency.description());
                }
                return new ModelAndView(PAGE);
            } catch (DuplicateKeyException sameCodeAddedMeanwhile) {
                errors = error("code", "programme.competency.error.taken");
            }
        }
        return refused(user, locale, form.failed("competency", id, errors));
    }

    @PostMapping("/competencies/{id}/archive")
    String archiveCompetency(
            CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived) {
        competencies.archive(user.courseId(), id, archived);
        return PAGE;
    }

    /** Shows the report on the page itself: which rows came in, which were refused and why. */
    @PostMapping("/competencies/import")
    ModelAndView importCompetencies(
            CurrentUser user, Locale locale, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(user, locale, FormState.of("import", null, error("file", "programme.import.error.no-file")));
        }
        if (file.getSize() > CompetencyCsv.MAX_BYTES) {
            return refused(
                    user, locale, FormState.of("import", null, error("file", "programme.import.error.too-large")));
        }
        CompetencyImport.Report report = competencyImport.importCsv(user.courseId(), file.getBytes());
        if (report.failed()) {
            return page(
                    user,
                    locale,
                    FormState.of("import", null, error("file", report.fileError())),
                    report,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return page(user, locale, FormState.NONE, report, HttpStatus.OK);
    }

    // Required fields and the reflection model

    @PostMapping("/required-fields")
    ModelAndView requireFields(
            CurrentUser user, Locale locale, @RequestParam(name = "fields", required = false) List<String> fields) {
        Set<MomentField> required = EnumSet.noneOf(MomentField.class);
        for (String name : fields == null ? List.<String>of() : fields) {
            try {
                required.add(MomentField.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                return refused(
                        user, locale, FormState.of("fields", null, error("fields", "programme.fields.error.unknown")));
            }
        }
        settings.requireFields(user.courseId(), required, user.userId());
        return new ModelAndView(PAGE);
    }

    @PostMapping("/reflection-model")
    ModelAndView chooseModel(CurrentUser user, Locale locale, @RequestParam(required = false) Long modelId) {
        if (modelId == null) {
            return refused(
                    user, locale, FormState.of("choice", null, error("modelId", "programme.model.error.choose")));
        }
        settings.chooseReflectionModel(user.courseId(), modelId, user.userId());
        return new ModelAndView(PAGE);
    }

    @PostMapping("/reflection-models")
    ModelAndView addModel(CurrentUser user, Locale locale, @Valid NewModelForm form, BindingResult binding) {
        FieldErrors errors = form.errors(FieldErrors.of(binding));
        if (errors.any()) {
            return refused(user, locale, form.failed(errors));
        }
        models.addOwn(
                user.courseId(),
                TypeableTextRule.stripped(form.nameNl()),
                TypeableTextRule.stripped(form.nameEn()),
                form.steps());
        return new ModelAndView(PAGE);
    }

    /** The errors of a form with one field at fault. */
    private static FieldErrors error(String field, String messageKey) {
        return FieldErrors.of(field, messageKey);
    }

    /** The page again with the refused form and its errors, as 422. */
    private ModelAndView refused(CurrentUser user, Locale locale, FormState failed) {
        return page(user, locale, failed, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private ModelAndView page(
            CurrentUser user, Locale locale, FormState failed, CompetencyImport.Report report, HttpStatus status) {
        ExtendedModelMap model = new ExtendedModelMap();
        long courseId = user.courseId();
        model.addAttribute("categories", categories.all(courseId));
        model.addAttribute("goals", goals.all(courseId));
        model.addAttribute("competencies", competencies.all(courseId));
        model.addAttribute("fields", MomentField.values());
        model.addAttribute("required", catalog.requiredFields(courseId));
        model.addAttribute("models", models.offeredTo(courseId, locale));
        model.addAttribute("chosenModelId", catalog.reflectionModelId(courseId));
        model.addAttribute("stepRows", NewModelForm.STEP_ROWS);
        model.addAttribute("failed", failed);
        model.addAttribute("report", report);
        return new ModelAndView("programme/page", model, status);
    }
}
