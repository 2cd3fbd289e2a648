package nl.leerlog.lti.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address policy outside development, with literal addresses only: no lookup leaves this machine. */
class PublicAddressGuardTests {

    private final PublicAddressGuard guard = new PublicAddressGuard(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "127.0.0.1",
                "127.1.2.3",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456:789a::1",
                "ff02::1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:127.0.0.1",
                "2001:db8::1"
            })
    void nonPublicAddressesAreNotPublicAndRefused(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(PublicAddressGuard.isPublic(address)).as(literal).isFalse();
        assertThat(guard.allowsAddress(address)).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "145.100.190.243",
                "172.32.0.1",
                "100.128.0.1",
                "2a00:1450:400e:80d::200e",
                "2606:4700:4700::1111"
            })
    void publicAddressesArePublicAndAllowed(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(PublicAddressGuard.isPublic(address)).as(literal).isTrue();
        assertThat(guard.allowsAddress(address)).as(literal).isTrue();
    }

    @Test
    void onlyHttpsOutsideDevelopment() {
        assertThat(guard.allowsScheme("https")).isTrue();
        assertThat(guard.allowsScheme("http")).isFalse();
        assertThat(guard.allowsScheme("file")).isFalse();
        assertThat(guard.allowsScheme("ftp")).isFalse();
    }

    @Test
    void privateAddressesAndPlainHttpPassWhenAllowedForDevelopment() throws UnknownHostException {
        PublicAddressGuard development = new PublicAddressGuard(true);

        assertThat(development.allowsAddress(InetAddress.getByName("127.0.0.1")))
                .isTrue();
        assertThat(development.allowsAddress(InetAddress.getByName("::1"))).isTrue();
        assertThat(development.allowsAddress(InetAddress.getByName("10.0.0.1"))).isTrue();
        assertThat(development.allowsScheme("http")).isTrue();
        assertThat(development.allowsScheme("file"))
                .as("never anything but http(s)")
                .isFalse();
    }
}
