package nl.leerlog.tool.learninglog.internal;

/** Someone involved in a learning moment, e.g. the workplace supervisor; the role is optional. */
public record Person(String name, String role) {}
