package nl.leerlog.tool.supervisor.internal;

import static nl.leerlog.schema.Tables.SUPERVISOR_LINK;
import static nl.leerlog.schema.Tables.SUPERVISOR_LINK_ITEM;
import static nl.leerlog.schema.Tables.SUPERVISOR_LINK_ITEM_PART;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.identity.Owner;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervisor links and the copies of their items. A student's own links are read and revoked with their
 * {@link Owner}; a supervisor reaches a link only by its token's hash, and only while it is open: not revoked, not
 * expired. Anything else is "not found", whoever asks.
 */
@Repository
class SupervisorLinks {

    private final DSLContext db;

    SupervisorLinks(DSLContext db) {
        this.db = db;
    }

    /** A chosen item as copied into a link. */
    record Item(String kind, long recordId, ItemSnapshot snapshot) {}

    /** What the student asks for: to whom, the question, until when. */
    record NewLink(String supervisorName, String supervisorEmail, String request, Instant expiresAt, Locale locale) {}

    /** One of the student's open links, for their sharing page. */
    record OwnLink(
            long id,
            String supervisorName,
            String request,
            List<String> titles,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime answeredAt) {}

    /** An open link as its supervisor sees it. */
    record OpenLink(
            long id,
            long courseId,
            long ownerId,
            String supervisorName,
            String request,
            OffsetDateTime expiresAt,
            OffsetDateTime answeredAt,
            String answeredBy,
            Locale locale,
            List<ShownItem> items) {}

    /** One copied item with its parts, as the supervisor's page shows it. */
    record ShownItem(String kind, long recordId, String title, LocalDate date, List<ItemSnapshot.Part> parts) {}

    @Transactional
    long create(Owner owner, String tokenHash, NewLink link, List<Item> items, Instant now) {
        long id = db.insertInto(SUPERVISOR_LINK)
                .set(SUPERVISOR_LINK.COURSE_ID, owner.courseId())
                .set(SUPERVISOR_LINK.OWNER_ID, owner.userId())
                .set(SUPERVISOR_LINK.TOKEN_HASH, tokenHash)
                .set(SUPERVISOR_LINK.SUPERVISOR_NAME, link.supervisorName())
                .set(SUPERVISOR_LINK.SUPERVISOR_EMAIL, link.supervisorEmail())
                .set(SUPERVISOR_LINK.REQUEST_TEXT, link.request())
                .set(SUPERVISOR_LINK.LOCALE, link.locale().toLanguageTag())
                .set(SUPERVISOR_LINK.CREATED_AT, utc(now))
                .set(SUPERVISOR_LINK.EXPIRES_AT, utc(link.expiresAt()))
                .returningResult(SUPERVISOR_LINK.ID)
                .fetchSingle(SUPERVISOR_LINK.ID);
        int position = 0;
        for (Item item : items) {
            long itemId = db.insertInto(SUPERVISOR_LINK_ITEM)
                    .set(SUPERVISOR_LINK_ITEM.LINK_ID, id)
                    .set(SUPERVISOR_LINK_ITEM.POSITION, position++)
                    .set(SUPERVISOR_LINK_ITEM.KIND, item.kind())
                    .set(SUPERVISOR_LINK_ITEM.RECORD_ID, item.recordId())
                    .set(SUPERVISOR_LINK_ITEM.TITLE, item.snapshot().title())
                    .set(SUPERVISOR_LINK_ITEM.OCCURRED_ON, item.snapshot().date())
                    .returningResult(SUPERVISOR_LINK_ITEM.ID)
                    .fetchSingle(SUPERVISOR_LINK_ITEM.ID);
            int partPosition = 0;
            for (ItemSnapshot.Part part : item.snapshot().parts()) {
                db.insertInto(SUPERVISOR_LINK_ITEM_PART)
                        .set(SUPERVISOR_LINK_ITEM_PART.ITEM_ID, itemId)
                        .set(SUPERVISOR_LINK_ITEM_PART.POSITION, partPosition++)
                        .set(SUPERVISOR_LINK_ITEM_PART.HEADING_KEY, part.headingKey())
                        .set(SUPERVISOR_LINK_ITEM_PART.HEADING, part.heading())
                        .set(SUPERVISOR_LINK_ITEM_PART.BODY, part.body())
                        .execute();
            }
        }
        return id;
    }

    /** The owner's links that are open now, newest first. */
    List<OwnLink> openOf(Owner owner, Instant now) {
        var links = db.selectFrom(SUPERVISOR_LINK)
                .where(owner.owns(SUPERVISOR_LINK))
                .and(open(now))
                .orderBy(SUPERVISOR_LINK.CREATED_AT.desc(), SUPERVISOR_LINK.ID.desc())
                .fetch();
        if (links.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> titles = titlesOf(links.map(r -> r.getId()));
        return links.map(r -> new OwnLink(
                r.getId(),
                r.getSupervisorName(),
                r.getRequestText(),
                titles.getOrDefault(r.getId(), List.of()),
                r.getCreatedAt(),
                r.getExpiresAt(),
                r.getAnsweredAt()));
    }

    /** One of the owner's links as their export lists it: open or closed, until it is forgotten. */
    record ExportedLink(
            long id,
            String supervisorName,
            String supervisorEmail,
            String request,
            List<String> titles,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime revokedAt,
            OffsetDateTime answeredAt,
            String answeredBy) {}

    /** Every link of the owner that is still kept, oldest first. */
    List<ExportedLink> allOf(Owner owner) {
        var links = db.selectFrom(SUPERVISOR_LINK)
                .where(owner.owns(SUPERVISOR_LINK))
                .orderBy(SUPERVISOR_LINK.CREATED_AT, SUPERVISOR_LINK.ID)
                .fetch();
        Map<Long, List<String>> titles = titlesOf(links.map(r -> r.getId()));
        return links.map(r -> new ExportedLink(
                r.getId(),
                r.getSupervisorName(),
                r.getSupervisorEmail(),
                r.getRequestText(),
                titles.getOrDefault(r.getId(), List.of()),
                r.getCreatedAt(),
                r.getExpiresAt(),
                r.getRevokedAt(),
                r.getAnsweredAt(),
                r.getAnsweredBy()));
    }

    private Map<Long, List<String>> titlesOf(List<Long> linkIds) {
        Map<Long, List<String>> titles = new LinkedHashMap<>();
        if (linkIds.isEmpty()) {
            return titles;
        }
        db.select(SUPERVISOR_LINK_ITEM.LINK_ID, SUPERVISOR_LINK_ITEM.TITLE)
                .from(SUPERVISOR_LINK_ITEM)
                .where(SUPERVISOR_LINK_ITEM.LINK_ID.in(linkIds))
                .orderBy(SUPERVISOR_LINK_ITEM.LINK_ID, SUPERVISOR_LINK_ITEM.POSITION)
                .forEach(r -> titles.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(r.value2()));
        return titles;
    }

    /** Ends the owner's open link at once; false when it is not theirs or no longer open. */
    boolean revoke(Owner owner, long id, Instant now) {
        return db.update(SUPERVISOR_LINK)
                        .set(SUPERVISOR_LINK.REVOKED_AT, utc(now))
                        .where(owner.owns(SUPERVISOR_LINK))
                        .and(SUPERVISOR_LINK.ID.eq(id))
                        .and(open(now))
                        .execute()
                == 1;
    }

    /** The open link of this token hash, with its items; empty when none, revoked or expired. */
    Optional<OpenLink> open(String tokenHash, Instant now) {
        var link = db.selectFrom(SUPERVISOR_LINK)
                .where(SUPERVISOR_LINK.TOKEN_HASH.eq(tokenHash))
                .and(open(now))
                .fetchOptional()
                .orElse(null);
        if (link == null) {
            return Optional.empty();
        }
        var items = db.selectFrom(SUPERVISOR_LINK_ITEM)
                .where(SUPERVISOR_LINK_ITEM.LINK_ID.eq(link.getId()))
                .orderBy(SUPERVISOR_LINK_ITEM.POSITION)
                .fetch();
        Map<Long, List<ItemSnapshot.Part>> parts = new LinkedHashMap<>();
        if (!items.isEmpty()) {
            db.selectFrom(SUPERVISOR_LINK_ITEM_PART)
                    .where(SUPERVISOR_LINK_ITEM_PART.ITEM_ID.in(items.map(r -> r.getId())))
                    .orderBy(SUPERVISOR_LINK_ITEM_PART.ITEM_ID, SUPERVISOR_LINK_ITEM_PART.POSITION)
                    .forEach(p -> parts.computeIfAbsent(p.getItemId(), k -> new ArrayList<>())
                            .add(new ItemSnapshot.Part(p.getHeadingKey(), p.getHeading(), p.getBody())));
        }
        return Optional.of(new OpenLink(
                link.getId(),
                link.getCourseId(),
                link.getOwnerId(),
                link.getSupervisorName(),
                link.getRequestText(),
                link.getExpiresAt(),
                link.getAnsweredAt(),
                link.getAnsweredBy(),
                Locale.forLanguageTag(link.getLocale()),
                items.map(i -> new ShownItem(
                        i.getKind(),
                        i.getRecordId(),
                        i.getTitle(),
                        i.getOccurredOn(),
                        parts.getOrDefault(i.getId(), List.of())))));
    }

    /** Marks the open link answered by {@code name}; false when it was answered before or is no longer open. */
    boolean answer(long id, String name, Instant now) {
        return db.update(SUPERVISOR_LINK)
                        .set(SUPERVISOR_LINK.ANSWERED_AT, utc(now))
                        .set(SUPERVISOR_LINK.ANSWERED_BY, name)
                        .where(SUPERVISOR_LINK.ID.eq(id))
                        .and(SUPERVISOR_LINK.ANSWERED_AT.isNull())
                        .and(open(now))
                        .execute()
                == 1;
    }

    private static Condition open(Instant now) {
        return SUPERVISOR_LINK.REVOKED_AT.isNull().and(SUPERVISOR_LINK.EXPIRES_AT.gt(utc(now)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
