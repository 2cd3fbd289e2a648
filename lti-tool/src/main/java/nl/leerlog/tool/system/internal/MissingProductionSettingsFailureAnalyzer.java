package nl.leerlog.tool.system.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the missing production settings into Spring Boot's start-up report: one block, no stack trace. */
class MissingProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingsException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set them (see deploy/README.md), or start a developer's copy "
                        + "with the dev profile: ./mvnw spring-boot:run, or --spring.profiles.active=dev.",
                cause);
    }
}
