package nl.leerlog.tool.learninglog.internal.evidence;

import static nl.leerlog.schema.Tables.EVIDENCE_CONTENT;

import org.jooq.DSLContext;

/** Keeps evidence in {@code evidence_content}, next to its row: one backup holds everything. */
record DatabaseEvidenceStore(DSLContext db) implements EvidenceStore {

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String put(long evidenceId, byte[] content) {
        db.insertInto(EVIDENCE_CONTENT)
                .set(EVIDENCE_CONTENT.EVIDENCE_ID, evidenceId)
                .set(EVIDENCE_CONTENT.CONTENT, content)
                .execute();
        return null;
    }

    @Override
    public byte[] get(long evidenceId, String storageKey) {
        return db.select(EVIDENCE_CONTENT.CONTENT)
                .from(EVIDENCE_CONTENT)
                .where(EVIDENCE_CONTENT.EVIDENCE_ID.eq(evidenceId))
                .fetchSingle(EVIDENCE_CONTENT.CONTENT);
    }

    @Override
    public void delete(long evidenceId, String storageKey) {
        db.deleteFrom(EVIDENCE_CONTENT)
                .where(EVIDENCE_CONTENT.EVIDENCE_ID.eq(evidenceId))
                .execute();
    }
}
