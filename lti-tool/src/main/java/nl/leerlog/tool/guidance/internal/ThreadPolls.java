package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The answer to an open thread's poll, the same for the student and the teacher: 204 while the question has not
 * changed since the page's version (one cheap query), else its messages, or "gone" once the reader may not see it.
 */
final class ThreadPolls {

    private ThreadPolls() {}

    static String answer(
            Optional<OffsetDateTime> changedAt,
            long since,
            Supplier<Optional<Thread>> thread,
            boolean byStudent,
            String action,
            Model page,
            HttpServletResponse response) {
        if (changedAt.isPresent() && Thread.Summary.version(changedAt.get()) == since) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return thread.get()
                .map(found -> {
                    page.addAttribute("thread", found);
                    page.addAttribute("byStudent", byStudent);
                    page.addAttribute("action", action);
                    return "guidance/thread :: messages";
                })
                .orElse("guidance/fragments :: gone");
    }
}
