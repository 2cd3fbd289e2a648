package nl.leerlog.tool.guidance.internal;

import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.ConversationCalendars;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.guidance.ThreadTitles;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.MailContacts;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The invitations of conversation mails, read through the same rules as the thread: the student's own conversation
 * ({@link Owner}), the teacher's while the student is their intern ({@link TeacherView}). The teacher organises, the
 * student attends (RFC 5546 §3.2.2 asks for both); an address the platform does not share is left out.
 */
@Component
class MailInvitations implements ConversationCalendars {

    private final GuidanceConversations conversations;
    private final ThreadTitles titles;
    private final MailContacts contacts;
    private final MessageSource messages;

    MailInvitations(
            GuidanceConversations conversations, ThreadTitles titles, MailContacts contacts, MessageSource messages) {
        this.conversations = conversations;
        this.titles = titles;
        this.contacts = contacts;
        this.messages = messages;
    }

    @Override
    public Optional<Invitation> forMail(GuidanceEvent.ConversationChanged change, boolean toTeacher, Locale locale) {
        long readerId = toTeacher ? change.teacherId() : change.studentId();
        CurrentUser reader = new CurrentUser(
                readerId,
                null,
                toTeacher ? CourseRole.TEACHER : CourseRole.STUDENT,
                false,
                change.courseId(),
                null,
                locale);
        Optional<Conversation> found = toTeacher
                ? conversations.sentTo(TeacherView.of(reader), change.questionId(), change.conversationId())
                : conversations.mine(Owner.of(reader), change.questionId(), change.conversationId());
        return found.filter(Conversation::invitation).map(conversation -> {
            String title = (toTeacher
                            ? titles.forTeacher(change.courseId(), readerId, change.questionId())
                            : titles.forStudent(change.courseId(), readerId, change.questionId()))
                    .orElse("");
            String summary = messages.getMessage("conversation.ics.summary", new Object[] {title}, locale)
                    .strip();
            String description = messages.getMessage(conversation.answerForm().key(), null, locale);
            String method = conversation.state() == ConversationState.CANCELLED ? "CANCEL" : "REQUEST";
            return new Invitation(
                    method,
                    ConversationInvitation.forMail(
                            conversation,
                            summary,
                            description,
                            change.at(),
                            address(change.courseId(), change.teacherId()),
                            address(change.courseId(), change.studentId())));
        });
    }

    private Optional<MailContacts.Contact> address(long courseId, long userId) {
        return contacts.of(courseId, userId);
    }
}
