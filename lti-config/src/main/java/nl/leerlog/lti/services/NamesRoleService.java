package nl.leerlog.lti.services;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.http.PlatformRequest;
import nl.leerlog.lti.http.PlatformResponse;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.toolconfig.LtiScopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a course's roster from the platform's Names and Role Provisioning Service 2.0: the
 * {@code context_memberships_url} of the launch's NRPS claim, every page of it.
 */
public class NamesRoleService {

    /** The scope a token needs to read memberships (NRPS 2.0); the tool asks for it when it registers. */
    public static final String CONTEXT_MEMBERSHIP_READONLY = LtiScopes.NRPS_CONTEXT_MEMBERSHIP_READONLY;
    /** The media type of a membership container (NRPS 2.0). */
    public static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    private static final Logger log = LoggerFactory.getLogger(NamesRoleService.class);
    private static final Set<String> SCOPES = Set.of(CONTEXT_MEMBERSHIP_READONLY);
    /** One link of an RFC 8288 {@code Link} header: the target, then its parameters. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");

    private static final Pattern REL =
            Pattern.compile("rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))", Pattern.CASE_INSENSITIVE);

    private final ServiceTokens tokens;
    private final ServiceCalls calls;
    private final ServiceCallSettings settings;

    public NamesRoleService(ServiceTokens tokens, ServiceCalls calls, ServiceCallSettings settings) {
        this.tokens = tokens;
        this.calls = calls;
        this.settings = settings;
    }

    /**
     * Every member of the course, following {@code Link: <...>; rel="next"} from page to page (NRPS 2.0, paging:
     * Canvas pages hold 50 members by default).
     *
     * @throws ServiceCallException when the platform refuses, stays unavailable, answers with something that is
     *         not a membership container, or pages off to another site
     */
    public Membership members(PlatformRegistration registration, URI contextMembershipsUrl) {
        List<Membership.Member> members = new ArrayList<>();
        Membership.Context context = null;
        Set<URI> visited = new HashSet<>();
        URI page = contextMembershipsUrl;
        while (page != null) {
            if (!visited.add(page)) {
                log.warn(
                        "The membership pages of registration {} lead back to {}; stopping there",
                        registration.id(),
                        page);
                break;
            }
            if (visited.size() > settings.maxPages()) {
                throw new ServiceCallException(
                        registration.id(),
                        0,
                        "the roster at " + contextMembershipsUrl + " of registration " + registration.id()
                                + " has more than " + settings.maxPages() + " pages");
            }
            PlatformResponse response = fetch(registration, page);
            Map<String, Object> container = parse(registration, page, response.text());
            if (context == null) {
                context = context(container);
            }
            members.addAll(members(registration, page, container));
            page = nextPage(registration, contextMembershipsUrl, page, response);
        }
        return new Membership(context, members);
    }

    /** One page; on 401 the token is dropped and the page asked once more with a new one. */
    private PlatformResponse fetch(PlatformRegistration registration, URI page) {
        AccessToken token = tokens.token(registration, SCOPES);
        PlatformResponse response = calls.send(pageRequest(page, token), registration, "membership request");
        if (response.status() == 401) {
            // The platform may revoke a token before its expiry (e.g. a rotated developer key): try one new token.
            tokens.forget(registration, token);
            token = tokens.token(registration, SCOPES);
            response = calls.send(pageRequest(page, token), registration, "membership request");
        }
        if (response.status() != 200) {
            throw new ServiceCallException(
                    registration.id(),
                    response.status(),
                    "the memberships service "
                            + page + " of registration " + registration.id() + " refused the request with HTTP "
                            + response.status()
                            + (response.status() == 401 || response.status() == 403
                                    ? " (is the NRPS scope enabled for this client id?)"
                                    : ""));
        }
        return response;
    }

    private static PlatformRequest pageRequest(URI page, AccessToken token) {
        return PlatformRequest.get(page)
                .withPurpose("roster")
                .withHeader("Accept", MEMBERSHIP_CONTAINER)
                .withHeader("Authorization", "Bearer " + token.value());
    }

    private static Map<String, Object> parse(PlatformRegistration registration, URI page, String body) {
        try {
            Map<String, Object> container = JSONObjectUtils.parse(body);
            if (!(container.get("members") instanceof List<?>)) {
                throw new ServiceCallException(
                        registration.id(),
                        200,
                        "the memberships service " + page + " of registration " + registration.id()
                                + " answered without a members list");
            }
            return container;
        } catch (ParseException e) {
            throw new ServiceCallException(
                    registration.id(),
                    "the memberships service " + page + " of registration " + registration.id()
                            + " answered with something other than JSON",
                    e);
        }
    }

    private static Membership.Context context(Map<String, Object> container) {
        if (!(container.get("context") instanceof Map<?, ?> context)) {
            return null;
        }
        return new Membership.Context(text(context.get("id")), text(context.get("label")), text(context.get("title")));
    }

    /** The page's members; an entry without a {@code user_id} or {@code roles} list is skipped, not fatal. */
    private static List<Membership.Member> members(
            PlatformRegistration registration, URI page, Map<String, Object> container) {
        List<Membership.Member> members = new ArrayList<>();
        for (Object entry : (List<?>) container.get("members")) {
            if (!(entry instanceof Map<?, ?> member)
                    || text(member.get("user_id")) == null
                    || !(member.get("roles") instanceof List<?> roles)) {
                log.warn("Skipped a member without user_id or roles on {} of registration {}", page, registration.id());
                continue;
            }
            members.add(new Membership.Member(
                    text(member.get("user_id")),
                    roles.stream()
                            .map(NamesRoleService::text)
                            .filter(Objects::nonNull)
                            .toList(),
                    MemberStatus.parse(text(member.get("status"))),
                    text(member.get("name")),
                    text(member.get("given_name")),
                    text(member.get("family_name")),
                    text(member.get("email"))));
        }
        return members;
    }

    /**
     * The {@code rel="next"} target of the answer's {@code Link} headers, resolved against the page. The access
     * token goes only to the site of the first page: a next link elsewhere is refused.
     */
    private static URI nextPage(PlatformRegistration registration, URI first, URI page, PlatformResponse response) {
        for (String header : response.headers("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (!rel.find()) {
                    continue;
                }
                String relations = rel.group(1) != null ? rel.group(1) : rel.group(2);
                if (!List.of(relations.trim().split("\\s+")).contains("next")) {
                    continue;
                }
                URI next;
                try {
                    next = page.resolve(link.group(1).trim());
                } catch (IllegalArgumentException e) {
                    throw new ServiceCallException(
                            registration.id(),
                            "the memberships service " + page + " of registration " + registration.id()
                                    + " linked to a next page that is no URL",
                            e);
                }
                if (!sameSite(first, next)) {
                    throw new ServiceCallException(
                            registration.id(),
                            200,
                            "the memberships service " + page
                                    + " of registration " + registration.id()
                                    + " linked its next page to another site: "
                                    + next);
                }
                return next;
            }
        }
        return null;
    }

    private static boolean sameSite(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A JSON string value; other types (numbers sent by a careless platform) as their text, null as absent. */
    private static String text(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text;
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }
}
