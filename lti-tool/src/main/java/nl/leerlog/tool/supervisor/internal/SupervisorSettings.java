package nl.leerlog.tool.supervisor.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workplace supervisors' links.
 *
 * @param readsPerLink how many requests one link answers within {@code window}; more get 429
 * @param readsPerAddress how many supervisor-link requests one network address may make within {@code window}, over
 *     all links and wrong tokens together; more get 429
 * @param window the period the two limits count over, per instance
 */
@ConfigurationProperties("leerlog.supervisor")
public record SupervisorSettings(
        @DefaultValue("30") int readsPerLink,
        @DefaultValue("60") int readsPerAddress,
        @DefaultValue("PT10M") Duration window) {}
