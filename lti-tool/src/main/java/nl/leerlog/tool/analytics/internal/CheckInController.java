package nl.leerlog.tool.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The weekly check-in (seed 004): three answers on a 1-5 scale and one line, saved for the current week. Private to
 * the student; they may attach a check-in to a guidance question themselves.
 */
@Controller
@Section("insights")
record CheckInController(CheckIns checkIns, Clock clock) {

    static final int NOTE_MAX = 300;

    @PostMapping("/student/insights/checkin")
    String save(
            Owner owner,
            @RequestParam(required = false) String mood,
            @RequestParam(required = false) String workload,
            @RequestParam(required = false) String energy,
            @RequestParam(required = false) String note) {
        String line = note == null ? "" : note.strip();
        if (line.length() > NOTE_MAX) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        checkIns.save(
                owner,
                LocalDate.now(clock),
                scale(mood),
                scale(workload),
                scale(energy),
                line.isEmpty() ? null : line,
                clock.instant());
        return FormAnswers.redirect("/student/insights#checkin");
    }

    /** An answer on the 1-5 scale; anything else is a request no form of ours sends. */
    private static int scale(String answer) {
        if (answer == null || !answer.matches("[1-5]")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return Integer.parseInt(answer);
    }
}
