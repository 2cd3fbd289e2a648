package nl.leerlog.tool.cafe.internal;

/** A group's one channel for all members, or a private channel between two people of the group. */
enum ChannelKind {
    GROUP,
    PRIVATE
}
