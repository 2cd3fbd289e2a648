package nl.leerlog.tool.learninglog.internal.evidence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scans with clamd when one is configured, otherwise records that nothing scanned the file. */
@Configuration(proxyBeanMethods = false)
class EvidenceScanners {

    @Bean
    EvidenceScanner evidenceScanner(EvidenceSettings settings) {
        EvidenceSettings.ClamAv clamav = settings.clamav();
        if (clamav.host() == null || clamav.host().isBlank()) {
            return content -> ScanStatus.SKIPPED;
        }
        return new ClamdScanner(clamav.host(), clamav.port(), clamav.timeoutMillis());
    }
}
