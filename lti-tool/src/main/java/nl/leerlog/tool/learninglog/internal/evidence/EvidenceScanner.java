package nl.leerlog.tool.learninglog.internal.evidence;

/** The virus-scan hook every upload passes before it is stored. */
public interface EvidenceScanner {

    ScanStatus scan(byte[] content);
}
