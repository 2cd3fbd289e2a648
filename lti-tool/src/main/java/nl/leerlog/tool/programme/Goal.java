package nl.leerlog.tool.programme;

/** A learning goal or learning question: the programme's, or the student's own ({@code own}). */
public record Goal(long id, Kind kind, String title, String description, boolean own) {

    public enum Kind {
        GOAL,
        QUESTION
    }
}
