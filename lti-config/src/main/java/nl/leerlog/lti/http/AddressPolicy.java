package nl.leerlog.lti.http;

import java.net.InetAddress;

/**
 * Which platform URLs the tool may call. Every such URL comes from outside the tool (an
 * {@code openid_configuration} anyone can choose, an admin's form, a launch's NRPS claim), so without a policy
 * it could point the tool at its own network: a server-side request forgery. {@link PlatformHttp} asks the
 * policy about the scheme before a request and about every address a connection would go to.
 */
public interface AddressPolicy {

    /** Whether a URL with this scheme ({@code https}, {@code http}, lower case) may be called. */
    boolean allowsScheme(String scheme);

    /** Whether the tool may connect to this address. */
    boolean allowsAddress(InetAddress address);
}
