package nl.leerlog.lti.services;

import java.util.List;

/**
 * A course's roster as the platform's Names and Role Provisioning Service gave it, all pages together.
 *
 * @param context the course the roster belongs to, when the platform named it
 */
public record Membership(Context context, List<Member> members) {

    public Membership {
        members = List.copyOf(members);
    }

    public record Context(String id, String label, String title) {}

    /**
     * One member (NRPS 2.0): only {@code user_id} and {@code roles} are required; every personal field is absent
     * when the platform's privacy settings withhold it.
     *
     * @param userId the same value as the {@code sub} of this person's launches
     */
    public record Member(
            String userId,
            List<String> roles,
            MemberStatus status,
            String name,
            String givenName,
            String familyName,
            String email) {

        public Member {
            roles = List.copyOf(roles);
        }

        /** {@code name}, else given and family name together, else absent. */
        public String displayName() {
            if (name != null) {
                return name;
            }
            String joined = String.join(
                    " ",
                    java.util.stream.Stream.of(givenName, familyName)
                            .filter(java.util.Objects::nonNull)
                            .toList());
            return joined.isBlank() ? null : joined;
        }
    }
}
