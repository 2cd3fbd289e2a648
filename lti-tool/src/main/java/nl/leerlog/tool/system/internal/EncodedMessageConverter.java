package nl.leerlog.tool.system.internal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Set;

/**
 * Logback's {@code %m}, with the message kept on its line (logback-spring.xml, {@link LogText}). Only Spring Boot's
 * start-up reports keep their lines: blocks of text it writes before any request exists.
 */
public class EncodedMessageConverter extends MessageConverter {

    static final Set<String> START_UP_REPORTS = Set.of(
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
            "org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger");

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return START_UP_REPORTS.contains(event.getLoggerName()) ? message : LogText.encode(message);
    }
}
