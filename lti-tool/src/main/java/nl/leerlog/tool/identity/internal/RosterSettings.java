package nl.leerlog.tool.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When rosters are read, bound from {@code leerlog.roster.*}.
 *
 * @param syncInterval how often every course with a memberships URL is read on schedule
 * @param launchSyncMinInterval a teacher's launch reads the roster only when the last read is older than this,
 *        so a teacher opening the tool ten times an hour does not cost ten roster reads
 */
@ConfigurationProperties("leerlog.roster")
public record RosterSettings(
        @DefaultValue("PT6H") Duration syncInterval,
        @DefaultValue("PT10M") Duration launchSyncMinInterval) {}
