package nl.leerlog.tool.saved.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Saved (handbook 001, "Opgeslagen"): the student's own timeline of items worth keeping, newest first, each with
 * a note. Other pages save an item by posting its type and reference here; a learning moment or reflection is
 * saved only when it is the student's own.
 */
@Controller
@RequestMapping("/student/saved")
@Section("saved")
record SavedController(SavedItems saved, Clock clock) {

    static final int NOTE_MAX = 2000;
    static final int REF_MAX = 100;
    static final int TITLE_MAX = 300;

    @GetMapping
    String timeline(
            Owner owner,
            @RequestParam(name = "added", required = false) Long added,
            @RequestParam(name = "removed", required = false) Long removed,
            Model page,
            HttpServletResponse response) {
        if (added != null || removed != null) {
            FormAnswers.showAddress(response, "/student/saved");
        }
        List<SavedItem> items = saved.list(owner);
        Optional<Notice> addedNotice = items.stream()
                .filter(item -> added != null && item.id() == added)
                .findFirst()
                .map(item -> Notice.of("saved.added", item.title()));
        Optional<Notice> removedNotice = Optional.ofNullable(removed)
                .flatMap(id -> saved.removedTitle(owner, id)
                        .map(title -> Notice.undoable("saved.removed", title, "/student/saved/" + id + "/restore")));
        page.addAttribute("notice", addedNotice.or(() -> removedNotice).orElse(null));
        return timeline(page, items, null);
    }

    /**
     * Saves an item, or updates the note of one saved before. Tips and charts bring their own title; a moment or
     * reflection gets its current title, and someone else's is not found.
     */
    @PostMapping
    String save(
            Owner owner,
            @RequestParam(name = "itemType", required = false) String itemType,
            @RequestParam(name = "itemRef", required = false) String itemRef,
            @RequestParam(name = "note", required = false) String note,
            @RequestParam(name = "title", required = false) String title,
            Model page,
            HttpServletResponse response) {
        ItemType type = ItemType.parse(itemType).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        String ref = Objects.requireNonNullElse(itemRef, "").strip();
        if (ref.isEmpty() || ref.length() > REF_MAX) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        String itemTitle;
        if (type.ownRecord()) {
            itemTitle = saved.ownRecordTitle(owner, type, ref).orElseThrow(Owner::notFound);
        } else {
            itemTitle = Objects.requireNonNullElse(title, "").strip();
            if (itemTitle.isEmpty() || itemTitle.length() > TITLE_MAX) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
        }
        String cleanNote = Objects.requireNonNullElse(note, "").strip();
        if (cleanNote.length() > NOTE_MAX) {
            page.addAttribute("saveError", "saved.error.note-too-long");
            return FormAnswers.rejected(response, timeline(page, saved.list(owner), null));
        }
        // A blank note leaves a note written earlier alone: the "Save" buttons on other pages send none.
        long id = saved.save(owner, type, ref, itemTitle, cleanNote.isEmpty() ? null : cleanNote, clock.instant());
        return FormAnswers.redirect("/student/saved?added=" + id);
    }

    @PostMapping("/{id}/note")
    String note(
            Owner owner,
            @PathVariable long id,
            @RequestParam(name = "note", required = false) String note,
            Model page,
            HttpServletResponse response) {
        String cleanNote = Objects.requireNonNullElse(note, "").strip();
        if (cleanNote.length() > NOTE_MAX) {
            if (saved.list(owner).stream().noneMatch(item -> item.id() == id)) {
                throw Owner.notFound();
            }
            return FormAnswers.rejected(
                    response,
                    timeline(page, saved.list(owner), new NoteError(id, cleanNote, "saved.error.note-too-long")));
        }
        if (!saved.updateNote(owner, id, cleanNote.isEmpty() ? null : cleanNote)) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/saved");
    }

    @PostMapping("/{id}/remove")
    String remove(Owner owner, @PathVariable long id) {
        if (!saved.remove(owner, id, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/saved?removed=" + id);
    }

    @PostMapping("/{id}/restore")
    String restore(Owner owner, @PathVariable long id) {
        if (!saved.restore(owner, id)) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/saved");
    }

    private static String timeline(Model page, List<SavedItem> items, NoteError noteError) {
        page.addAttribute("items", items);
        page.addAttribute("noteError", noteError);
        return "saved/list";
    }

    /** A note that could not be saved, shown again at its item with the student's text kept. */
    public record NoteError(long id, String note, String messageKey) {}
}
