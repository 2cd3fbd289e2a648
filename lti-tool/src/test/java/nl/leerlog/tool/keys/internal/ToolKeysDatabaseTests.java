package nl.leerlog.tool.keys.internal;

import static nl.leerlog.schema.Tables.TOOL_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.keys.KeyRotation;
import nl.leerlog.tool.keys.RotationTooSoonException;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The tool keys in the shared database, proven on each database Leerlog runs on (the subclasses choose it).
 * Each test starts from an empty {@code tool_key} table and plays one or more instances of the tool: a
 * {@link DatabaseToolKeys} and a {@link KeyRotation} each, on one database, with a clock the test moves.
 */
@SpringBootTest
abstract class ToolKeysDatabaseTests {

    private static final Duration PUBLISH_BEFORE_USE = Duration.ofMinutes(10);
    private static final Duration RETIRE_AFTER = Duration.ofDays(1);
    private static final Duration ROTATION_INTERVAL = Duration.ofDays(90);
    private static final Duration CACHE_REFRESH = Duration.ofMinutes(1);

    @Autowired
    DSLContext db;

    @Autowired
    ToolKeyRepository repository;

    private final MovableClock clock = MovableClock.followingSystemTime();
    private final KeySettings settings = new KeySettings(
            PrivateKeyCipherTests.randomKey(), ROTATION_INTERVAL, RETIRE_AFTER, PUBLISH_BEFORE_USE, CACHE_REFRESH);
    private final PrivateKeyCipher cipher = new PrivateKeyCipher(settings);

    @BeforeEach
    void emptyTable() {
        db.deleteFrom(TOOL_KEY).execute();
    }

    /** One instance of the tool: its key source and its rotation, sharing the database and the clock. */
    record Instance(DatabaseToolKeys keys, KeyRotation rotation) {}

    private Instance startInstance() {
        DatabaseToolKeys keys = new DatabaseToolKeys(repository, cipher, settings, clock);
        return new Instance(keys, new KeyRotation(repository, keys, cipher, settings, clock));
    }

    private ToolKeyView only(Instance instance, ToolKeyState state) {
        List<ToolKeyView> found = instance.rotation().keys().stream()
                .filter(key -> key.state() == state)
                .toList();
        assertThat(found).as("keys in state %s", state).hasSize(1);
        return found.get(0);
    }

    private static List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).toList();
    }

    // First start

    @Test
    void firstStartOnAnEmptyTableCreatesACurrentAndANextKey() {
        Instance instance = startInstance();

        assertThat(instance.rotation().keys())
                .extracting(ToolKeyView::state)
                .containsExactlyInAnyOrder(ToolKeyState.CURRENT, ToolKeyState.NEXT);
        ToolKeyView current = only(instance, ToolKeyState.CURRENT);
        assertThat(current.activatedAt()).isNotNull();
        assertThat(current.retiredAt()).isNull();
        assertThat(only(instance, ToolKeyState.NEXT).activatedAt()).isNull();
    }

    @Test
    void signingKeyIsTheCurrentKeyWithItsPrivatePart() {
        Instance instance = startInstance();

        RSAKey signingKey = instance.keys().signingKey();

        assertThat(signingKey.getKeyID())
                .isEqualTo(only(instance, ToolKeyState.CURRENT).kid());
        assertThat(signingKey.isPrivate()).isTrue();
    }

    @Test
    void keySetPublishesCurrentAndNextWithoutPrivateParts() {
        Instance instance = startInstance();

        JWKSet published = instance.keys().publicKeys();

        assertThat(kids(published))
                .containsExactlyInAnyOrder(
                        only(instance, ToolKeyState.CURRENT).kid(),
                        only(instance, ToolKeyState.NEXT).kid());
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(published.toString(true)).doesNotContain("\"d\"");
    }

    @Test
    void privateKeysAreStoredEncrypted() {
        Instance instance = startInstance();
        RSAKey signingKey = instance.keys().signingKey();

        String stored = db.select(TOOL_KEY.PRIVATE_KEY_CIPHERTEXT)
                .from(TOOL_KEY)
                .where(TOOL_KEY.KID.eq(signingKey.getKeyID()))
                .fetchSingle()
                .value1();

        assertThat(stored)
                .doesNotContain(signingKey.getPrivateExponent().toString())
                .doesNotContain("\"d\"");
    }

    @Test
    void secondInstanceUsesTheKeysTheFirstCreated() {
        Instance first = startInstance();

        Instance second = startInstance();

        assertThat(second.keys().signingKey()).isEqualTo(first.keys().signingKey());
        assertThat(second.rotation().keys()).hasSize(2);
    }

    @Test
    void instancesStartingAtOnceOnAnEmptyTableAgreeOnOneCurrentAndOneNextKey() throws Exception {
        List<Instance> instances = all(6, this::startInstance);

        assertThat(instances)
                .extracting(instance -> instance.keys().signingKey().getKeyID())
                .containsOnly(only(instances.get(0), ToolKeyState.CURRENT).kid());
        assertThat(db.fetchCount(TOOL_KEY)).isEqualTo(2);
    }

    @Test
    void anotherEncryptionKeyStopsLoadingWithAClearException() {
        startInstance();
        PrivateKeyCipher otherCipher =
                new PrivateKeyCipher(PrivateKeyCipherTests.settings(PrivateKeyCipherTests.randomKey()));

        assertThatThrownBy(() -> new DatabaseToolKeys(repository, otherCipher, settings, clock))
                .isInstanceOf(ToolKeyDecryptionException.class)
                .hasMessageContaining("leerlog.keys.encryption-key is not the key it was encrypted with");
    }

    // Rotation

    @Test
    void rotateNowRetiresCurrentActivatesNextAndPublishesAFreshNext() {
        Instance instance = startInstance();
        ToolKeyView current = only(instance, ToolKeyState.CURRENT);
        ToolKeyView next = only(instance, ToolKeyState.NEXT);
        clock.advance(PUBLISH_BEFORE_USE);
        Instant rotatedAt = clock.instant();

        instance.rotation().rotateNow();

        ToolKeyView retired = only(instance, ToolKeyState.RETIRED);
        ToolKeyView nowCurrent = only(instance, ToolKeyState.CURRENT);
        ToolKeyView freshNext = only(instance, ToolKeyState.NEXT);
        assertThat(retired.kid()).isEqualTo(current.kid());
        assertThat(retired.retiredAt()).isCloseTo(rotatedAt, within());
        assertThat(nowCurrent.kid()).isEqualTo(next.kid());
        assertThat(nowCurrent.activatedAt()).isCloseTo(rotatedAt, within());
        assertThat(freshNext.kid()).isNotIn(current.kid(), next.kid());
        assertThat(instance.keys().signingKey().getKeyID()).isEqualTo(next.kid());
    }

    @Test
    void theNewSigningKeyWasPublishedBeforeItSigns() {
        Instance instance = startInstance();
        List<String> publishedBefore = kids(instance.keys().publicKeys());
        clock.advance(PUBLISH_BEFORE_USE);

        instance.rotation().rotateNow();

        String newSigningKid = instance.keys().signingKey().getKeyID();
        assertThat(publishedBefore).contains(newSigningKid);
        assertThat(kids(instance.keys().publicKeys()))
                .contains(newSigningKid, only(instance, ToolKeyState.NEXT).kid());
    }

    @Test
    void rotationBeforeTheNextKeyWasPublishedLongEnoughIsRefusedAndChangesNothing() {
        Instance instance = startInstance();
        List<ToolKeyView> before = instance.rotation().keys();
        clock.advance(PUBLISH_BEFORE_USE.minusSeconds(1));

        assertThatThrownBy(() -> instance.rotation().rotateNow())
                .isInstanceOfSatisfying(
                        RotationTooSoonException.class,
                        e -> assertThat(e.possibleAt())
                                .isEqualTo(only(instance, ToolKeyState.NEXT)
                                        .createdAt()
                                        .plus(PUBLISH_BEFORE_USE)));
        assertThat(instance.rotation().keys()).isEqualTo(before);
    }

    @Test
    void retiredKeyStaysPublishedUntilRetireAfterHasPassed() {
        Instance instance = startInstance();
        String first = instance.keys().signingKey().getKeyID();
        clock.advance(PUBLISH_BEFORE_USE);
        instance.rotation().rotateNow();

        clock.advance(RETIRE_AFTER.minusMinutes(1));
        assertThat(kids(instance.keys().publicKeys())).contains(first);

        clock.advance(Duration.ofMinutes(2));
        assertThat(kids(instance.keys().publicKeys())).doesNotContain(first).hasSize(2);
    }

    @Test
    void housekeepingDeletesRetiredKeysOnlyAfterRetireAfter() {
        Instance instance = startInstance();
        clock.advance(PUBLISH_BEFORE_USE);
        instance.rotation().rotateNow();

        clock.advance(RETIRE_AFTER.minusMinutes(1));
        assertThat(instance.rotation().deleteExpiredRetiredKeys()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(instance.rotation().deleteExpiredRetiredKeys()).isEqualTo(1);
        assertThat(instance.rotation().keys())
                .extracting(ToolKeyView::state)
                .containsExactlyInAnyOrder(ToolKeyState.CURRENT, ToolKeyState.NEXT);
    }

    @Test
    void scheduledRotationWaitsUntilTheCurrentKeyIsOldEnough() {
        Instance instance = startInstance();
        String first = instance.keys().signingKey().getKeyID();

        clock.advance(ROTATION_INTERVAL.minusMinutes(1));
        assertThat(instance.rotation().rotateIfDue()).isFalse();
        assertThat(instance.keys().signingKey().getKeyID()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(1));
        assertThat(instance.rotation().rotateIfDue()).isTrue();
        assertThat(instance.keys().signingKey().getKeyID()).isNotEqualTo(first);
        assertThat(instance.rotation().rotateIfDue())
                .as("the new key is not due yet")
                .isFalse();
    }

    @Test
    void otherInstanceSignsWithTheNewKeyAfterItsCopyIsRefreshed() {
        Instance rotating = startInstance();
        Instance other = startInstance();
        String first = other.keys().signingKey().getKeyID();
        clock.advance(PUBLISH_BEFORE_USE);
        assertThat(other.keys().signingKey().getKeyID()).isEqualTo(first); // reloads its copy now

        rotating.rotation().rotateNow();

        assertThat(other.keys().signingKey().getKeyID())
                .as("within a minute: the copy in memory")
                .isEqualTo(first);
        assertThat(kids(other.keys().publicKeys()))
                .as("the key it signs with stays published")
                .contains(first);
        clock.advance(CACHE_REFRESH);
        assertThat(other.keys().signingKey().getKeyID())
                .isEqualTo(rotating.keys().signingKey().getKeyID())
                .isNotEqualTo(first);
        assertThat(other.keys().publicKeys().toString())
                .isEqualTo(rotating.keys().publicKeys().toString());
    }

    @Test
    void concurrentRotateNowFromSeveralThreadsAndInstancesRotatesOnce() throws Exception {
        Instance first = startInstance();
        List<Instance> instances = List.of(first, startInstance(), startInstance());
        String next = only(first, ToolKeyState.NEXT).kid();
        clock.advance(PUBLISH_BEFORE_USE);

        List<Object> outcomes = all(12, new Callable<>() {
            private int calls;

            @Override
            public Object call() {
                Instance instance;
                synchronized (this) {
                    instance = instances.get(calls++ % instances.size());
                }
                try {
                    instance.rotation().rotateNow();
                    return "rotated";
                } catch (RotationTooSoonException e) {
                    return e; // a request that came after the rotation: the fresh next key may not sign yet
                }
            }
        });

        assertThat(outcomes).contains("rotated");
        assertThat(first.rotation().keys())
                .extracting(ToolKeyView::state)
                .containsExactlyInAnyOrder(ToolKeyState.RETIRED, ToolKeyState.CURRENT, ToolKeyState.NEXT);
        assertThat(only(first, ToolKeyState.CURRENT).kid()).isEqualTo(next);
        assertThat(instances)
                .extracting(instance -> instance.keys().signingKey().getKeyID())
                .containsOnly(next);
    }

    @Test
    void ofConcurrentRotationsFromTheSameKeysExactlyOneSucceeds() throws Exception {
        Instance instance = startInstance();
        String current = only(instance, ToolKeyState.CURRENT).kid();
        String next = only(instance, ToolKeyState.NEXT).kid();
        List<NewToolKey> newKeys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            newKeys.add(NewToolKey.generate(cipher));
        }
        Instant now = clock.instant();

        List<Boolean> results = all(newKeys.size(), new Callable<>() {
            private int calls;

            @Override
            public Boolean call() {
                NewToolKey newNext;
                synchronized (this) {
                    newNext = newKeys.get(calls++);
                }
                return repository.rotate(current, next, newNext, now);
            }
        });

        assertThat(results).containsOnlyOnce(true);
        assertThat(db.fetchCount(TOOL_KEY)).isEqualTo(3);
        assertThat(only(instance, ToolKeyState.CURRENT).kid()).isEqualTo(next);
    }

    @Test
    void keyViewsCarryNoPrivateMaterial() {
        Instance instance = startInstance();

        assertThat(ToolKeyView.class.getRecordComponents())
                .extracting(RecordComponent::getName)
                .containsExactly("kid", "state", "createdAt", "activatedAt", "retiredAt");
        assertThat(instance.rotation().keys())
                .hasSize(2)
                .allSatisfy(view -> assertThat(view.kid()).isNotBlank());
    }

    /** Timestamps go through the database, which keeps microseconds. */
    private static TemporalUnitOffset within() {
        return new TemporalUnitWithinOffset(1, ChronoUnit.MILLIS);
    }

    /** Runs the task from that many threads at once and returns every result. */
    private static <T> List<T> all(int threads, Callable<T> task) throws Exception {
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
        }
        return results;
    }
}
