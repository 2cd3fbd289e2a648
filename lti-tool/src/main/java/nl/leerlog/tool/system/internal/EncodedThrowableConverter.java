package nl.leerlog.tool.system.internal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx}, with each exception's message kept on its line: a stack trace has a line per frame,
 * but a message (which may quote a request) cannot add lines of its own (logback-spring.xml, {@link LogText}).
 */
public class EncodedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(new EncodedMessages(throwable));
    }

    /** The same exception, its causes and suppressed ones with encoded messages. */
    private record EncodedMessages(IThrowableProxy original) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return LogText.encode(original.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return LogText.encode(original.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return original.getCause() == null ? null : new EncodedMessages(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            return suppressed == null
                    ? null
                    : Arrays.stream(suppressed).map(EncodedMessages::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
