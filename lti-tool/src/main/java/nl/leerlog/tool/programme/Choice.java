package nl.leerlog.tool.programme;

/** One item a student picks from: a category, a competency ({@code code} set) or a learning goal. */
public record Choice(long id, String label, String code) {

    public Choice(long id, String label) {
        this(id, label, null);
    }
}
