package nl.leerlog.tool.keys.internal;

import java.time.Instant;

/** A tool key as the admin console shows it: never any private material. */
public record ToolKeyView(String kid, ToolKeyState state, Instant createdAt, Instant activatedAt, Instant retiredAt) {}
