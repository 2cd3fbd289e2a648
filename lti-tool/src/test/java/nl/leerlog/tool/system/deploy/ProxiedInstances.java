package nl.leerlog.tool.system.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.OwnJvm;
import nl.leerlog.tool.TestDatabases;

/**
 * Leerlog as an operator runs it: instances in their own JVMs (so one can be killed, not just stopped) on one
 * PostgreSQL schema, behind Debian's HAProxy configured from {@code deploy/compose/haproxy.cfg}, which ends TLS
 * with a certificate made for the run. Browsers reach the tool only through the proxy, at {@link #toolUrl()}.
 */
final class ProxiedInstances implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private static final Path COMPOSE_CONFIG = Path.of("..", "deploy", "compose", "haproxy.cfg");

    private final Path directory;
    private final String schema = TestDatabases.uniqueName();
    private final String encryptionKey = randomKey();
    private final TestPlatform platform = TestPlatform.start();
    private final int proxyPort = OwnJvm.freePort();
    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient trusting;
    private Process proxy;

    /** One instance: its process and its two ports. */
    record Instance(String name, Process process, int port, int managementPort) {

        long pid() {
            return process.pid();
        }

        /** The instance's resident memory now, from {@code /proc}, in MiB. */
        long residentMegabytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("no VmRSS for " + pid());
        }
    }

    ProxiedInstances(int count) {
        try {
            directory = Files.createDirectories(Path.of("target", "proxied-instances", schema));
            Path certificate = certificate(directory);
            trusting =
                    LaunchClient.httpClient().sslContext(trusting(certificate)).build();
            for (int i = 1; i <= count; i++) {
                instances.add(startInstance("leerlog-" + i));
            }
            for (Instance instance : instances) {
                awaitReady(instance);
            }
            proxy = startProxy(certificate);
            awaitProxy();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The public address of the tool: the proxy's TLS front. */
    String toolUrl() {
        return "https://localhost:" + proxyPort;
    }

    TestPlatform platform() {
        return platform;
    }

    List<Instance> instances() {
        return instances;
    }

    /** A new browser that reaches the tool through the proxy and trusts its certificate. */
    LaunchClient browser() {
        return new LaunchClient(toolUrl(), trusting);
    }

    /** Kills an instance as the kernel's OOM killer or a lost node would: no shutdown hooks, no draining. */
    void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        instance.process().waitFor();
    }

    /** The launches an instance accepted, from its Prometheus metrics on the management port. */
    double acceptedLaunches(Instance instance) {
        String metrics = send(
                        HttpClient.newHttpClient(),
                        "http://127.0.0.1:" + instance.managementPort() + "/actuator/prometheus")
                .body();
        Matcher matcher = Pattern.compile("(?m)^leerlog_launches_total\\{[^}]*outcome=\"accepted\"[^}]*} ([0-9.E]+)$")
                .matcher(metrics);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.destroy();
        }
        for (Instance instance : instances) {
            instance.process().destroy();
        }
        for (Instance instance : instances) {
            try {
                if (!instance.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    instance.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        platform.close();
        TestDatabases.dropSchema(schema);
    }

    private Instance startInstance(String name) throws IOException {
        int port = OwnJvm.freePort();
        int managementPort = OwnJvm.freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--lti.tool-url=" + toolUrl(),
                "--spring.main.banner-mode=off",
                "--leerlog.keys.encryption-key=" + encryptionKey,
                // The test platform is on 127.0.0.1, which the prod profile's platform calls may not reach.
                "--lti.platform-http.allow-private-hosts=true"));
        TestDatabases.postgres(schema).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        platform.properties(0).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        Process process = OwnJvm.start(List.of("-Xmx512m"), arguments, log(name));
        return new Instance(name, process, port, managementPort);
    }

    private void awaitReady(Instance instance) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.managementPort() + "/actuator/health/readiness"))
                .build();
        OwnJvm.await(
                instance.name(),
                instance.process(),
                log(instance.name()),
                Duration.ofSeconds(120),
                () -> http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    private Path log(String name) {
        return directory.resolve(name + ".log");
    }

    /**
     * The compose file's HAProxy configuration with this run's addresses: its front on {@link #proxyPort}, its
     * certificate, and a server line per instance, health-checked on the management port as in compose.
     */
    private Process startProxy(Path certificate) throws IOException {
        String servers = instances.stream()
                .map(instance -> "    server " + instance.name() + " 127.0.0.1:" + instance.port() + " check port "
                        + instance.managementPort())
                .collect(Collectors.joining("\n"));
        String config = Files.readString(COMPOSE_CONFIG)
                .replace("bind :8443", "bind 127.0.0.1:" + proxyPort)
                .replace(
                        "/usr/local/etc/haproxy/certificate.pem",
                        certificate.toAbsolutePath().toString())
                .replaceAll("(?m)^\\s*server leerlog-\\d+ .*$\\n?", "");
        config = config.stripTrailing() + "\n" + servers + "\n";
        if (!config.contains("127.0.0.1:" + proxyPort)) {
            throw new IllegalStateException("deploy/compose/haproxy.cfg has no 'bind :8443' front to move");
        }
        Path file = Files.writeString(directory.resolve("haproxy.cfg"), config);
        return new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log("haproxy").toFile())
                .start();
    }

    /** Waits until the proxy answers and sees every instance as up. */
    private void awaitProxy() {
        HttpRequest keys = HttpRequest.newBuilder(URI.create(toolUrl() + "/.well-known/jwks.json"))
                .build();
        OwnJvm.await("haproxy", proxy, log("haproxy"), Duration.ofSeconds(30), () -> {
            for (int i = 0; i < instances.size() * 2; i++) {
                if (trusting.send(keys, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A self-signed certificate for localhost, with its key, in the one PEM file HAProxy reads. */
    private static Path certificate(Path directory) throws IOException {
        Path key = directory.resolve("key.pem");
        Path cert = directory.resolve("cert.pem");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString()));
        Path both = directory.resolve("certificate.pem");
        Files.writeString(both, Files.readString(cert) + Files.readString(key));
        return both;
    }

    private static SSLContext trusting(Path certificatePem) {
        try {
            String pem = Files.readString(certificatePem);
            String certificate = pem.substring(
                    pem.indexOf("-----BEGIN CERTIFICATE-----"),
                    pem.indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length());
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry(
                    "proxy",
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(certificate.getBytes())));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
