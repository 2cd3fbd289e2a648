package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.benchmark.BenchmarkDatabase;
import nl.leerlog.tool.benchmark.Percentiles;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The café under load, over loopback HTTP with launched sessions: 200 connected readers in 20 groups, each posting
 * one message a second for 60 s, and each behaving as the page does (the changed messages arrive on its stream; a
 * reader that is behind asks for what it missed). Reports the delivery latency from the post to each other member's
 * page, the messages lost (must be none), the catch-up requests and the memory per open stream. Not part of {@code ./mvnw verify} (the class name
 * matches no test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=CafeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.database=postgres [-Dbenchmark.clients=200] [-Dbenchmark.groups=20] [-Dbenchmark.seconds=60]
 * </pre>
 */
class CafeBenchmark {

    private static final Pattern MESSAGE = Pattern.compile("bench (\\d+) (\\d+) (\\d+)");

    @Test
    void twoHundredReadersInTwentyGroups() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 200);
        int groupCount = Integer.getInteger("benchmark.groups", 20);
        int seconds = Integer.getInteger("benchmark.seconds", 60);

        try (TestPlatform platform = TestPlatform.start();
                BenchmarkDatabase database = new BenchmarkDatabase()) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN"));
            platform.properties(0).forEach((name, value) -> args.add("--" + name + "=" + value));
            args.addAll(database.arguments());
            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(LeerlogApplication.class).run(args.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                String tool = "http://localhost:" + port;
                String contextId = "course-" + UUID.randomUUID();
                List<LaunchedUser> students = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    students.add(LaunchedUser.launch(platform, tool, contextId, TestPlatform.LEARNER, "en"));
                }
                DSLContext db = app.getBean(DSLContext.class);
                long course = db.select(COURSE.ID)
                        .from(COURSE)
                        .where(COURSE.CONTEXT_ID.eq(contextId))
                        .fetchSingle(COURSE.ID);
                CafeGroups groups = app.getBean(CafeGroups.class);
                List<Reader> readers = new ArrayList<>();
                List<Group> made = new ArrayList<>();
                for (int g = 0; g < groupCount; g++) {
                    made.add(groups.create(course, "Groep " + g, null, Instant.now()));
                }
                for (int i = 0; i < clients; i++) {
                    LaunchedUser student = students.get(i);
                    Group group = made.get(i % groupCount);
                    long userId = db.select(APP_USER.ID)
                            .from(APP_USER)
                            .where(APP_USER.SUBJECT.eq(student.subject()))
                            .fetchSingle(APP_USER.ID);
                    groups.join(group, List.of(userId), Instant.now());
                    readers.add(new Reader(i, student, group.channelId()));
                }

                long heapBefore = usedHeapAfterGc();
                HttpClient streamClient = HttpClient.newBuilder()
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build();
                ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
                AtomicBoolean running = new AtomicBoolean(true);
                for (Reader reader : readers) {
                    work.execute(() -> reader.listen(streamClient, running));
                }
                while (app.getBean(CafeStreams.class).open() < clients) {
                    Thread.sleep(50);
                }
                long heapPerStream = (usedHeapAfterGc() - heapBefore) / clients;

                // Each client posts once a second, spread over the second.
                AtomicLong posted = new AtomicLong();
                Instant end = Instant.now().plusSeconds(seconds);
                List<Future<?>> posters = new ArrayList<>();
                for (Reader reader : readers) {
                    posters.add(work.submit(() -> {
                        Thread.sleep((long) (reader.number * 1000.0 / clients));
                        int n = 0;
                        while (Instant.now().isBefore(end)) {
                            long started = System.nanoTime();
                            String body = "bench " + reader.number + " " + n + " " + System.nanoTime();
                            HttpResponse<String> sent = reader.student.post(
                                    "/cafe/channels/" + reader.channel + "/messages", Map.of("body", body));
                            assertThat(sent.statusCode()).isEqualTo(302);
                            reader.sent.add(reader.number + " " + n);
                            posted.incrementAndGet();
                            n++;
                            long pause = 1_000_000_000L - (System.nanoTime() - started);
                            if (pause > 0) {
                                TimeUnit.NANOSECONDS.sleep(pause);
                            }
                        }
                        return null;
                    }));
                }
                for (var poster : posters) {
                    poster.get();
                }
                Thread.sleep(3_000); // the last catch-ups
                running.set(false);

                List<Long> latencies = new ArrayList<>();
                long expected = 0;
                long lost = 0;
                for (Reader reader : readers) {
                    latencies.addAll(reader.latencies);
                    for (Reader other : readers) {
                        if (other.channel == reader.channel && other != reader) {
                            expected += other.sent.size();
                            for (String message : other.sent) {
                                if (!reader.seen.contains(message)) {
                                    lost++;
                                }
                            }
                        }
                    }
                }
                Collections.sort(latencies);
                System.out.printf(
                        "Café benchmark (%s, %d readers in %d groups, one post a second each for %d s)%n",
                        database.name(), clients, groupCount, seconds);
                System.out.printf(
                        "  posted %d messages (%.0f/s), deliveries expected %d, lost %d%n",
                        posted.get(), posted.get() / (double) seconds, expected, lost);
                System.out.printf(
                        "  delivery latency p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                        Percentiles.percentile(latencies, 50),
                        Percentiles.percentile(latencies, 95),
                        Percentiles.percentile(latencies, 99),
                        latencies.getLast() / 1e6);
                System.out.printf(
                        "  catch-up requests %d (the rest came with the stream's events)%n", Reader.catchUps.get());
                System.out.printf("  heap per open stream about %d KiB%n", heapPerStream / 1024);
                assertThat(lost).as("messages lost").isZero();
                work.shutdownNow();
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** One open channel page: its stream, its catch-ups, and what it has seen. */
    private static final class Reader {
        final int number;
        final LaunchedUser student;
        final long channel;
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        static final AtomicLong catchUps = new AtomicLong();
        long after;
        long wanted;

        Reader(int number, LaunchedUser student, long channel) {
            this.number = number;
            this.student = student;
            this.channel = channel;
        }

        void listen(HttpClient client, AtomicBoolean running) {
            try {
                HttpResponse<InputStream> stream = client.send(
                        student.request("/cafe/channels/" + channel + "/stream")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    String line;
                    String event = "message";
                    while (running.get() && (line = lines.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            String data = line.substring(5).strip();
                            if (event.equals("messages")) {
                                String[] parts = data.split(" ", 3);
                                long from = Long.parseLong(parts[0]);
                                long to = Long.parseLong(parts[1]);
                                seen(parts.length > 2 ? parts[2] : "", System.nanoTime());
                                if (from <= after) {
                                    after = Math.max(after, to);
                                }
                                wanted = Math.max(wanted, to);
                            } else {
                                wanted = Math.max(wanted, Long.parseLong(data));
                            }
                            while (wanted > after) {
                                catchUp();
                            }
                        } else if (line.isEmpty()) {
                            event = "message";
                        }
                    }
                }
            } catch (Exception e) {
                if (running.get()) {
                    throw new IllegalStateException("reader " + number + " lost its stream", e);
                }
            }
        }

        private void catchUp() {
            HttpResponse<String> changes = student.get("/cafe/channels/" + channel + "/changes?after=" + after);
            catchUps.incrementAndGet();
            long now = System.nanoTime();
            after = Math.max(
                    after,
                    Long.parseLong(changes.headers().firstValue("X-Cafe-Change").orElse("0")));
            seen(changes.body(), now);
        }

        private void seen(String html, long now) {
            Matcher found = MESSAGE.matcher(html);
            while (found.find()) {
                String message = found.group(1) + " " + found.group(2);
                if (seen.add(message) && Integer.parseInt(found.group(1)) != number) {
                    latencies.add(now - Long.parseLong(found.group(3)));
                }
            }
        }
    }
}
