package nl.leerlog.tool.learninglog.internal.evidence;

import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where evidence goes: the store {@code leerlog.evidence.store} chooses (the database unless files are asked for)
 * takes new files; files already kept stay readable from the store that took them, so switching stores needs no
 * migration of old evidence.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceStores {

    /** The store for new files, and every store by the name {@code evidence.storage} records. */
    record Storage(EvidenceStore current, Map<String, EvidenceStore> byName) {

        EvidenceStore of(String name) {
            EvidenceStore store = byName.get(name);
            if (store == null) {
                throw new IllegalStateException("Evidence kept in store '" + name + "', which is not configured "
                        + "(leerlog.evidence.store=files needs leerlog.evidence.directory)");
            }
            return store;
        }
    }

    @Bean
    Storage evidenceStorage(EvidenceSettings settings, DSLContext db) {
        EvidenceStore database = new DatabaseEvidenceStore(db);
        if (settings.directory() == null) {
            if (settings.store() == EvidenceSettings.Store.FILES) {
                throw new IllegalStateException("leerlog.evidence.store=files needs leerlog.evidence.directory");
            }
            return new Storage(database, Map.of(database.name(), database));
        }
        EvidenceStore files = new FileSystemEvidenceStore(settings.directory());
        EvidenceStore current = settings.store() == EvidenceSettings.Store.FILES ? files : database;
        return new Storage(current, Map.of(database.name(), database, files.name(), files));
    }
}
