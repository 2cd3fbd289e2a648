package nl.leerlog.tool.cafe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.LaunchClient.LoginRedirect;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.ProdInstances;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one PostgreSQL database: a message posted on one reaches, within a second, a reader whose
 * stream is open on the other (PostgreSQL {@code LISTEN/NOTIFY}).
 */
class CafeAcrossInstancesTests {

    private static final String SCHEMA = TestDatabases.uniqueName();
    private static final String LAUNCH_URL = ProdInstances.TOOL_URL + "/lti/launch";

    private static TestPlatform platform;
    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        platform = TestPlatform.start();
        ProdInstances instances = new ProdInstances(SCHEMA, platform);
        instanceA = instances.start();
        instanceB = instances.start();
    }

    @AfterAll
    static void stopInstancesAndDropSchema() {
        try {
            for (ConfigurableApplicationContext instance :
                    new ConfigurableApplicationContext[] {instanceA, instanceB}) {
                if (instance != null) {
                    instance.close();
                }
            }
            if (platform != null) {
                platform.close();
            }
        } finally {
            TestDatabases.dropSchema(SCHEMA);
        }
    }

    @Test
    void aMessagePostedOnOneInstanceReachesAStreamOpenOnTheOther() throws Exception {
        LaunchClient studentAtB = new LaunchClient(ProdInstances.baseUrl(instanceB));
        LoginRedirect login = studentAtB.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        assertThat(studentAtB
                        .launch(
                                platform.sign(platform.launchClaims(login.nonce(), LAUNCH_URL)
                                        .build()),
                                login.state())
                        .statusCode())
                .isEqualTo(200);
        JsonNode me =
                JsonMapper.builder().build().readTree(studentAtB.get("/api/me").body());
        long student = me.get("userId").asLong();
        long course = me.get("courseId").asLong();

        CafeGroups groupsAtA = instanceA.getBean(CafeGroups.class);
        Group group = groupsAtA.create(course, "Café Oost", null, Instant.now());
        groupsAtA.join(group, List.of(student), Instant.now());
        Channel channel = new Channel(group.channelId(), group, ChannelKind.GROUP, null, 0);

        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ProdInstances.baseUrl(instanceB) + "/cafe/channels/"
                                        + channel.id() + "/stream"))
                                .header("Accept", "text/event-stream")
                                .header("Cookie", cookies(studentAtB))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(nextData(lines)).isEqualTo("0");

            instanceA.getBean(CafeMessages.class).post(channel, student, "Goedemorgen!", Instant.now());

            assertThat(nextData(lines))
                    .as("heard on the other instance, with the message")
                    .startsWith("0 1 ")
                    .contains("Goedemorgen!");
        }
        assertThat(instanceB.getBean(CafeChannels.class).lastChange(channel.id()))
                .isEqualTo(1);
    }

    private static String cookies(LaunchClient browser) {
        return browser.cookies().entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The data of the next event on the stream, waiting at most a second and a half. */
    private static String nextData(BufferedReader lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                return line.substring(5).strip();
                            }
                        }
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(1500, TimeUnit.MILLISECONDS);
    }
}
