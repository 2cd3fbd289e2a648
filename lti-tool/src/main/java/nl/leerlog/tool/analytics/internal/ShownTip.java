package nl.leerlog.tool.analytics.internal;

/** A tip as the student sees it: the rule's key, its three parts, why it shows, and whether they found it helpful. */
public record ShownTip(
        String key, String feedUp, String feedback, String feedForward, String reason, boolean helpful) {}
