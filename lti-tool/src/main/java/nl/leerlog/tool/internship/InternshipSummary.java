package nl.leerlog.tool.internship;

/** What the learning log's header shows of a student's internship: the data and where in it the student is. */
public record InternshipSummary(Internship internship, InternshipWeek week) {}
