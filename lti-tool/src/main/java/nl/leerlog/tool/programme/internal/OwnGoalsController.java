package nl.leerlog.tool.programme.internal;

import jakarta.validation.Valid;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A student's learning goals and questions: the programme's, to read, and their own, to add, edit and archive.
 * Own goals are private records: only an {@link Owner} reaches them, and another student's goal is not found.
 * The page belongs to the learning log section of the menu.
 */
@Controller
@RequestMapping("/student/goals")
@Section("log")
record OwnGoalsController(OwnGoals ownGoals, ProgrammeCatalog catalog) {

    private static final String PAGE = FormAnswers.redirect("/student/goals");

    @GetMapping
    ModelAndView page(Owner owner, CurrentUser user) {
        return page(owner, user, FormState.NONE, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView add(Owner owner, CurrentUser user, @Valid GoalForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return page(
                    owner, user, form.failed("goal", null, FieldErrors.of(binding)), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        GoalForm.Checked goal = form.checked();
        ownGoals.add(owner, goal.kind(), goal.title(), goal.description());
        return new ModelAndView(PAGE);
    }

    @PostMapping("/{id}")
    ModelAndView edit(
            Owner owner, CurrentUser user, @PathVariable long id, @Valid GoalForm form, BindingResult binding) {
        // Another student's id is "not found" before anything about the input is said.
        ownGoals.find(owner, id);
        if (binding.hasErrors()) {
            return page(owner, user, form.failed("goal", id, FieldErrors.of(binding)), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        GoalForm.Checked goal = form.checked();
        ownGoals.update(owner, id, goal.kind(), goal.title(), goal.description());
        return new ModelAndView(PAGE);
    }

    @PostMapping("/{id}/archive")
    String archive(Owner owner, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived) {
        ownGoals.archive(owner, id, archived);
        return PAGE;
    }

    private ModelAndView page(Owner owner, CurrentUser user, FormState failed, HttpStatus status) {
        ExtendedModelMap model = new ExtendedModelMap();
        model.addAttribute(
                "programmeGoals",
                catalog.goals(owner).stream().filter(goal -> !goal.own()).toList());
        model.addAttribute("ownGoals", ownGoals.all(owner));
        model.addAttribute("failed", failed);
        return new ModelAndView("programme/own-goals", model, status);
    }
}
