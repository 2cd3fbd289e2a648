package nl.leerlog.tool.learninglog.evidence;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store {@code leerlog.evidence.store} chooses; the database unless files are asked for. */
@Configuration(proxyBeanMethods = false)
class EvidenceStores {

    @Bean
    EvidenceStore evidenceStore(EvidenceSettings settings, DSLContext db) {
        if (settings.store() == EvidenceSettings.Store.FILES) {
            if (settings.directory() == null) {
                throw new IllegalStateException("leerlog.evidence.store=files needs leerlog.evidence.directory");
            }
            return new FileSystemEvidenceStore(settings.directory());
        }
        return new DatabaseEvidenceStore(db);
    }
}
