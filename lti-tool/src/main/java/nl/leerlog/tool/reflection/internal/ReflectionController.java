package nl.leerlog.tool.reflection.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student's reflections (handbook 001, "Reflecteren"): a list, and a guided form in the model the programme
 * chose, one field per step. Every id in a path or form is looked up through the student's {@link Owner}, so
 * anyone else's reflection or moment is "not found".
 */
@Controller
@RequestMapping("/student/reflections")
@Section("reflections")
record ReflectionController(
        Reflections reflections,
        ReflectionModels models,
        ProgrammeCatalog programme,
        Validator validator,
        Clock clock) {

    @GetMapping
    String list(
            CurrentUser user,
            Owner owner,
            @RequestParam(name = "deleted", required = false) Long deleted,
            Model page,
            HttpServletResponse response) {
        if (deleted != null) {
            FormAnswers.showAddress(response, "/student/reflections");
        }
        Map<Long, ReflectionModel> offered = models.offeredTo(user.courseId(), user.locale()).stream()
                .collect(Collectors.toMap(ReflectionModel::id, Function.identity()));
        page.addAttribute("reflections", reflections.list(owner));
        page.addAttribute("models", offered);
        page.addAttribute(
                "notice",
                deleted == null
                        ? null
                        : reflections
                                .deletedTitle(owner, deleted)
                                .map(title -> Notice.undoable(
                                        "reflection.deleted", title, "/student/reflections/" + deleted + "/restore"))
                                .orElse(null));
        return "reflection/list";
    }

    /** A new reflection about the owner's moment {@code moment}, or standalone; in the course's model unless asked. */
    @GetMapping("/new")
    String newForm(
            CurrentUser user,
            Owner owner,
            @RequestParam(name = "moment", required = false) Long momentId,
            @RequestParam(name = "model", required = false) Long modelId,
            Model page) {
        ReflectionModel model =
                offeredModel(user, modelId == null ? programme.reflectionModelId(user.courseId()) : modelId);
        Reflection.MomentLink moment =
                momentId == null ? null : reflections.moment(owner, momentId).orElseThrow(Owner::notFound);
        page.addAttribute(
                "otherModels",
                models.offeredTo(user.courseId(), user.locale()).stream()
                        .filter(other -> other.id() != model.id())
                        .toList());
        return form(page, user, model, moment, ReflectionForm.empty(), FieldErrors.none(), null);
    }

    @PostMapping
    String create(
            CurrentUser user,
            Owner owner,
            @RequestParam Map<String, String> params,
            Model page,
            HttpServletResponse response) {
        ReflectionModel model = offeredModel(user, number(params.get("modelId")).orElseThrow(Owner::notFound));
        Optional<Long> momentId = number(params.get("momentId"));
        Reflection.MomentLink moment = momentId.isEmpty()
                ? null
                : reflections.moment(owner, momentId.get()).orElseThrow(Owner::notFound);
        ReflectionForm form = ReflectionForm.read(params, model);
        FieldErrors errors = FieldErrors.of(validator.validate(form));
        if (errors.any()) {
            page.addAttribute("otherModels", List.of());
            // Bad input is the student's to fix: the form again, with their input and a message at each field.
            return FormAnswers.rejected(response, form(page, user, model, moment, form, errors, null));
        }
        long id = reflections.create(
                owner, model.id(), moment == null ? null : moment.id(), form.content(), clock.instant());
        return FormAnswers.redirect("/student/reflections/" + id + "?saved");
    }

    @GetMapping("/{id}")
    String view(
            CurrentUser user,
            Owner owner,
            @PathVariable long id,
            @RequestParam(name = "saved", required = false) String saved,
            Model page,
            HttpServletResponse response) {
        Reflection reflection = reflections.find(owner, id).orElseThrow(Owner::notFound);
        if (saved != null) {
            FormAnswers.showAddress(response, "/student/reflections/" + id);
        }
        page.addAttribute("reflection", reflection);
        ReflectionModel model = modelOf(user, reflection);
        page.addAttribute("reflectionModel", model);
        page.addAttribute("earlierAnswers", ReflectionForm.earlierAnswers(reflection, model));
        page.addAttribute(
                "notice",
                saved == null
                        ? null
                        : Notice.of(reflection.draft() ? "reflection.saved-draft" : "reflection.saved", null));
        return "reflection/view";
    }

    @GetMapping("/{id}/edit")
    String edit(CurrentUser user, Owner owner, @PathVariable long id, Model page) {
        Reflection reflection = reflections.find(owner, id).orElseThrow(Owner::notFound);
        return form(
                page,
                user,
                modelOf(user, reflection),
                reflection.moment(),
                ReflectionForm.of(reflection),
                FieldErrors.none(),
                reflection.id());
    }

    @PostMapping("/{id}")
    String update(
            CurrentUser user,
            Owner owner,
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Model page,
            HttpServletResponse response) {
        Reflection reflection = reflections.find(owner, id).orElseThrow(Owner::notFound);
        ReflectionModel model = modelOf(user, reflection);
        ReflectionForm form = ReflectionForm.read(params, model);
        FieldErrors errors = FieldErrors.of(validator.validate(form));
        if (errors.any()) {
            return FormAnswers.rejected(
                    response, form(page, user, model, reflection.moment(), form, errors, reflection.id()));
        }
        if (!reflections.update(owner, id, form.contentKeeping(reflection, model), clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/reflections/" + id + "?saved");
    }

    @PostMapping("/{id}/delete")
    String delete(Owner owner, @PathVariable long id) {
        if (!reflections.delete(owner, id, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/reflections?deleted=" + id);
    }

    @PostMapping("/{id}/restore")
    String restore(Owner owner, @PathVariable long id) {
        if (!reflections.restore(owner, id)) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/reflections/" + id);
    }

    /** A model of another course is as unknown as one that does not exist. */
    private ReflectionModel offeredModel(CurrentUser user, long modelId) {
        return models.find(user.courseId(), modelId, user.locale()).orElseThrow(Owner::notFound);
    }

    private ReflectionModel modelOf(CurrentUser user, Reflection reflection) {
        return models.find(user.courseId(), reflection.modelId(), user.locale())
                .orElseThrow(() -> new IllegalStateException("reflection " + reflection.id() + " has no model"));
    }

    private static String form(
            Model page,
            CurrentUser user,
            ReflectionModel model,
            Reflection.MomentLink moment,
            ReflectionForm form,
            FieldErrors errors,
            Long reflectionId) {
        page.addAttribute("reflectionModel", model);
        page.addAttribute("moment", moment);
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("reflectionId", reflectionId);
        if (!page.containsAttribute("otherModels")) {
            page.addAttribute("otherModels", List.of());
        }
        return "reflection/form";
    }

    private static Optional<Long> number(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
