package nl.leerlog.tool.analytics.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.guidance.ItemSnapshot.Part;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Weekly check-ins as items of a guidance question (seed 004): private until the student attaches one, and then only
 * that one, copied as it was.
 */
@Component
record ShareableCheckIns(CheckIns checkIns, MessageSource messages) implements ShareableRecords {

    /** A year of weeks to choose from. */
    private static final int CHOICES = 52;

    @Override
    public String kind() {
        return "checkin";
    }

    @Override
    public List<ShareableItem> shareable(Owner owner) {
        Locale locale = LocaleContextHolder.getLocale();
        return checkIns.recent(owner, CHOICES).stream()
                .map(checkIn -> new ShareableItem(kind(), checkIn.id(), title(checkIn, locale), checkIn.weekStart()))
                .toList();
    }

    @Override
    public Optional<ItemSnapshot> snapshot(Owner owner, long id, Locale locale) {
        return checkIns.find(owner, id).map(checkIn -> {
            List<Part> parts = new ArrayList<>(List.of(
                    Part.fixed("checkin.mood", checkIn.mood() + " / 5"),
                    Part.fixed("checkin.workload", checkIn.workload() + " / 5"),
                    Part.fixed("checkin.energy", checkIn.energy() + " / 5")));
            if (checkIn.note() != null) {
                parts.add(Part.fixed("checkin.part.note", checkIn.note()));
            }
            return new ItemSnapshot(title(checkIn, locale), checkIn.weekStart(), parts);
        });
    }

    private String title(CheckIn checkIn, Locale locale) {
        String week = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(checkIn.weekStart());
        return messages.getMessage("checkin.item.title", new Object[] {week}, locale);
    }
}
