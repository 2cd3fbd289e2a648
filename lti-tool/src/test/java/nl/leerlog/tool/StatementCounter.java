package nl.leerlog.tool;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts the SQL statements that one HTTP request runs, so a test can prove a page's statements do not grow with
 * the rows it shows. Only requests that carry the {@value #HEADER} header are counted, under its value: background
 * jobs and other requests running meanwhile do not disturb the count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    public static final String HEADER = "X-Count-Statements";

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    /** How many statements the requests marked {@code label} ran so far. */
    public static int count(String label) {
        AtomicInteger count = COUNTS.get(label);
        return count == null ? 0 : count.get();
    }

    @Bean
    DefaultExecuteListenerProvider statementsPerRequest() {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                    HttpServletRequest request = attributes.getRequest();
                    String label = request.getHeader(HEADER);
                    if (label != null) {
                        COUNTS.computeIfAbsent(label, key -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }
            }
        });
    }
}
