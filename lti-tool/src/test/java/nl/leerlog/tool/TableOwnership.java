package nl.leerlog.tool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which module owns each generated jOOQ table, and the rule that only the owner uses it (its table class, its
 * record, or its field in {@code Tables}). Other modules ask the owner through its API or react to its events.
 */
final class TableOwnership {

    static final String TABLES = "nl.leerlog.schema.tables";

    /** Each table by its generated class name, under the module that owns it. */
    static final Map<String, Set<String>> TABLES_BY_MODULE = Map.ofEntries(
            Map.entry(
                    "identity",
                    Set.of("AppUser", "Course", "Enrolment", "InternshipTeacher", "LtiLoginState", "LtiSession")),
            Map.entry("admin", Set.of("AdminAudit", "AdminLoginFailure", "LtiFrameOrigin", "LtiLaunchEvent")),
            Map.entry("keys", Set.of("ToolKey")),
            Map.entry("registration", Set.of("LtiRegistration", "LtiDeployment")),
            Map.entry("internship", Set.of("Internship")),
            Map.entry(
                    "programme",
                    Set.of("Programme", "Category", "Competency", "LearningGoal", "ReflectionModel", "ReflectionStep")),
            Map.entry(
                    "learninglog",
                    Set.of(
                            "LearningMoment",
                            "LearningMomentCompetency",
                            "LearningMomentGoal",
                            "LearningMomentPerson",
                            "Evidence",
                            "EvidenceContent")),
            Map.entry("reflection", Set.of("Reflection", "ReflectionAnswer")),
            Map.entry("saved", Set.of("SavedItem")),
            Map.entry(
                    "guidance",
                    Set.of(
                            "GuidanceQuestion",
                            "GuidanceItem",
                            "GuidanceItemPart",
                            "GuidanceItemFile",
                            "GuidanceMessage",
                            "GuidanceConversation",
                            "TeacherAvailability",
                            "UrgencyThreshold",
                            "UrgencySnooze")),
            Map.entry(
                    "analytics",
                    Set.of(
                            "AnalyticsSetting",
                            "AnalyticsConsent",
                            "AnalyticsCourseOptin",
                            "TipRule",
                            "TipResponse",
                            "WellbeingCheckin",
                            "ChartSnapshot")),
            Map.entry("replyhelp", Set.of("ReplyTemplate", "ReplyTemplateUse", "ReplySentenceMark")),
            Map.entry(
                    "cafe",
                    Set.of(
                            "CafeGroup",
                            "CafeMember",
                            "CafeChannel",
                            "CafeMessage",
                            "CafeRead",
                            "CafeReport",
                            "CafeAttachment",
                            "CafeMeeting")),
            Map.entry("privacy", Set.of("PrivacyNoticeSeen", "PrivacyRead", "PrivacyErasure", "CoursePurge")),
            Map.entry("supervisor", Set.of("SupervisorLink", "SupervisorLinkItem", "SupervisorLinkItemPart")),
            Map.entry(
                    "notifications",
                    Set.of(
                            "MailOutbox",
                            "Notification",
                            "NotificationPreference",
                            "NotificationCourseDefault",
                            "NotificationCourseSetting")),
            Map.entry("system", Set.of("Shedlock")));

    private TableOwnership() {}

    static Map<String, String> ownerByTable() {
        return TABLES_BY_MODULE.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(table -> Map.entry(table, entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Classes in a module under {@code basePackage} use only the tables that module owns. */
    static ArchRule onlyTheOwningModuleUsesATable(String basePackage) {
        Map<String, String> owners = ownerByTable();
        return classes()
                .that()
                .resideInAPackage(basePackage + ".*..")
                .should(new ArchCondition<>("use only the jOOQ tables their module owns") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        String module = javaClass
                                .getPackageName()
                                .substring(basePackage.length() + 1)
                                .split("\\.")[0];
                        Stream.concat(
                                        javaClass.getDirectDependenciesFromSelf().stream()
                                                .map(dependency -> dependency.getTargetClass()),
                                        javaClass.getFieldAccessesFromSelf().stream()
                                                .map(TableOwnership::fieldType))
                                .flatMap(target -> table(target).stream())
                                .distinct()
                                .filter(table -> !module.equals(owners.get(table)))
                                .forEach(table -> events.add(SimpleConditionEvent.violated(
                                        javaClass,
                                        javaClass.getName() + " in module '" + module + "' uses table " + table
                                                + " of module '" + owners.getOrDefault(table, "none") + "'")));
                    }
                });
    }

    private static JavaClass fieldType(JavaFieldAccess access) {
        return access.getTarget().getRawType();
    }

    /** The table a generated class stands for: the table class itself or its record. */
    static Optional<String> table(JavaClass target) {
        JavaClass outer = target;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        if (outer.getPackageName().equals(TABLES)) {
            return Optional.of(outer.getSimpleName());
        }
        if (outer.getPackageName().equals(TABLES + ".records")
                && outer.getSimpleName().endsWith("Record")) {
            return Optional.of(
                    outer.getSimpleName().substring(0, outer.getSimpleName().length() - "Record".length()));
        }
        return Optional.empty();
    }
}
