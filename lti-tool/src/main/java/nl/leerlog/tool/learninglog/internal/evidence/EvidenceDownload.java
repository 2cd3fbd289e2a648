package nl.leerlog.tool.learninglog.internal.evidence;

/** The content of one evidence file, with the type found in it when it was uploaded. */
public record EvidenceDownload(String fileName, String contentType, byte[] content) {

    /** The stored name with the extension of the content's type: what the browser saves it as. */
    public String downloadName() {
        return EvidenceTypes.downloadName(fileName, contentType);
    }
}
