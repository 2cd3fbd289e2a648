package nl.leerlog.lti.claims;

/** Claim names of LTI Core 1.3 (§5.3, §5.4) and the LTI Advantage services, in one place. */
public final class LtiClaims {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    public static final String MESSAGE_TYPE = LTI + "message_type";
    public static final String VERSION = LTI + "version";
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    public static final String RESOURCE_LINK = LTI + "resource_link";
    public static final String ROLES = LTI + "roles";
    public static final String CONTEXT = LTI + "context";
    public static final String TOOL_PLATFORM = LTI + "tool_platform";
    public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    public static final String CUSTOM = LTI + "custom";
    public static final String ROLE_SCOPE_MENTOR = LTI + "role_scope_mentor";
    public static final String NAMES_ROLE_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String CANVAS_PLACEMENT = "https://www.instructure.com/placement";

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String LTI_VERSION = "1.3.0";

    private LtiClaims() {}
}
