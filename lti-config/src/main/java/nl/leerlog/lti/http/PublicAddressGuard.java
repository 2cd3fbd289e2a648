package nl.leerlog.lti.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The address policy outside development: https only, and public addresses only. Private (10/8, 172.16/12,
 * 192.168/16, 100.64/10), loopback, link-local (169.254/16 with the cloud metadata service, fe80::/10),
 * unique-local (fc00::/7), multicast, unspecified and documentation addresses are refused, as IPv4-mapped IPv6
 * addresses too. With {@code allowPrivateHosts} (development against a platform on one's own machine, tests
 * with a WireMock platform on 127.0.0.1) every address and plain http are allowed.
 */
public class PublicAddressGuard implements AddressPolicy {

    private final boolean allowPrivateHosts;

    public PublicAddressGuard(boolean allowPrivateHosts) {
        this.allowPrivateHosts = allowPrivateHosts;
    }

    @Override
    public boolean allowsScheme(String scheme) {
        return "https".equals(scheme) || (allowPrivateHosts && "http".equals(scheme));
    }

    @Override
    public boolean allowsAddress(InetAddress address) {
        return allowPrivateHosts || isPublic(address);
    }

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isIpv4Embedded(bytes)) {
                return isPublicIpv4(Arrays.copyOfRange(bytes, 12, 16));
            }
            int first = bytes[0] & 0xff;
            // fc00::/7 unique-local (RFC 4193), fec0::/10 old site-local, 2001:db8::/32 documentation.
            if ((first & 0xfe) == 0xfc || (first == 0xfe && (bytes[1] & 0xc0) == 0xc0)) {
                return false;
            }
            return !(first == 0x20
                    && (bytes[1] & 0xff) == 0x01
                    && (bytes[2] & 0xff) == 0x0d
                    && (bytes[3] & 0xff) == 0xb8);
        }
        return address instanceof Inet4Address && isPublicIpv4(bytes);
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) IPv6 addresses. */
    private static boolean isIpv4Embedded(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0;
        return mapped || compatible;
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        return !(a == 0 // this network, 0.0.0.0/8
                || a == 10 // private
                || a == 127 // loopback
                || (a == 100 && b >= 64 && b <= 127) // shared address space (carrier-grade NAT)
                || (a == 169 && b == 254) // link-local, cloud metadata
                || (a == 172 && b >= 16 && b <= 31) // private
                || (a == 192 && b == 168) // private
                || (a == 192 && b == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || a >= 224); // multicast, reserved, broadcast
    }
}
