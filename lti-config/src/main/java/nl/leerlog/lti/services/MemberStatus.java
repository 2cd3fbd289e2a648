package nl.leerlog.lti.services;

/** A member's status in a membership container (NRPS 2.0): {@code Active} when the platform sends none. */
public enum MemberStatus {
    ACTIVE,
    INACTIVE,
    DELETED;

    /** The status as NRPS spells it; unknown values count as inactive, so nobody gains access by a typo. */
    static MemberStatus parse(String value) {
        if (value == null) {
            return ACTIVE;
        }
        return switch (value) {
            case "Active" -> ACTIVE;
            case "Deleted" -> DELETED;
            default -> INACTIVE;
        };
    }
}
