package nl.leerlog.tool.supervisor.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.Share;
import nl.leerlog.tool.privacy.SharedRecords;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The student's open supervisor links, one row each on their sharing page, with until when; revoking one closes the
 * link at once: its next request is "not found".
 */
@Component
record SupervisorShares(SupervisorLinks links, MessageSource messages, Clock clock) implements SharedRecords {

    static final String KIND = "supervisor";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Share> sharedBy(Owner owner) {
        return links.openOf(owner, clock.instant()).stream()
                .map(link -> new Share(
                        KIND,
                        String.valueOf(link.id()),
                        String.join(", ", link.titles()),
                        link.supervisorName(),
                        messages.getMessage(
                                link.request() == null ? "supervisor.share.where" : "supervisor.share.where.request",
                                null,
                                LocaleContextHolder.getLocale()),
                        null,
                        link.createdAt(),
                        link.expiresAt()))
                .toList();
    }

    @Override
    public boolean revoke(Owner owner, String ref, Instant now) {
        if (!ref.matches("\\d{1,18}")) {
            return false;
        }
        return links.revoke(owner, Long.parseLong(ref), now);
    }
}
