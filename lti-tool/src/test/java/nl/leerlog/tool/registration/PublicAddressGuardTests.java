package nl.leerlog.tool.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard of Dynamic Registration, with literal addresses only: no lookup leaves this machine. */
class PublicAddressGuardTests {

    private final PublicAddressGuard guard = new PublicAddressGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "127.0.0.1", "127.1.2.3", "169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456:789a::1", "ff02::1",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:127.0.0.1", "2001:db8::1"})
    void nonPublicAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertThat(PublicAddressGuard.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "145.100.190.243", "172.32.0.1", "100.128.0.1",
            "2a00:1450:400e:80d::200e", "2606:4700:4700::1111"})
    void publicAddressesArePublic(String literal) throws UnknownHostException {
        assertThat(PublicAddressGuard.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/",
            "https://[::1]/", "https://[fd00::1]:8443/x", "https://127.0.0.1:8080/", "https://0.0.0.0/"})
    void urlsOnNonPublicAddressesAreRefused(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(PublicAddressGuard.RefusedHostException.class)
                .satisfies(e -> assertThat(((PublicAddressGuard.RefusedHostException) e).unresolved()).isFalse());
    }

    @Test
    void aHostNameThatResolvesToLoopbackIsRefused() {
        // localhost resolves from the hosts file, without asking a name server.
        assertThatThrownBy(() -> guard.check(URI.create("https://localhost/.well-known/openid-configuration")))
                .isInstanceOf(PublicAddressGuard.RefusedHostException.class);
    }

    @Test
    void aPublicAddressPasses() throws Exception {
        assertThat(guard.resolve("8.8.8.8")).containsExactly(InetAddress.getByName("8.8.8.8"));
    }

    @Test
    void privateAddressesPassWhenAllowedForDevelopment() throws Exception {
        PublicAddressGuard development = new PublicAddressGuard(true);

        assertThat(development.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(development.resolve("[::1]")).containsExactly(InetAddress.getByName("::1"));
    }
}
