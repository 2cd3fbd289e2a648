package nl.leerlog.tool.learninglog.internal;

import jakarta.servlet.http.HttpServletResponse;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The page of one learning moment, with an optional notice (saved, file deleted with undo, ...). */
@Component
class MomentView {

    /** A message to show on top of a page: its key, the argument (a title or file name), and an undo action. */
    record Notice(String key, String argument, String undoUrl) {}

    private final LearningMoments moments;

    MomentView(LearningMoments moments) {
        this.moments = moments;
    }

    String show(Model model, CurrentUser user, Owner owner, long id, Notice notice) {
        MomentDetails moment = moments.find(owner, id).orElseThrow(Owner::notFound);
        model.addAttribute("moment", moment);
        model.addAttribute("notice", notice);
        return "learninglog/moment";
    }

    /** A moment's page as the answer to a change on it; the address bar shows the moment's own page. */
    String afterChange(
            Model model, CurrentUser user, Owner owner, long id, Notice notice, HttpServletResponse response) {
        response.setHeader("HX-Push-Url", "/student/log/" + id);
        return show(model, user, owner, id, notice);
    }
}
