package nl.leerlog.lti.toolconfig;

/** OAuth scopes of the LTI Advantage services a tool may ask for. */
public final class LtiScopes {

    /** Names and Role Provisioning Services 2.0: read a course's members. */
    public static final String NRPS_CONTEXT_MEMBERSHIP_READONLY =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private LtiScopes() {}
}
