package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.leerlog.tool.system.HousekeepingTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A housekeeping task runs on one instance at a time: while one holds the task's lock row, a second run of the
 * same task (here from another thread, as another instance would) skips its turn; once the first is done, the
 * next run goes ahead. A task that fails does not stop the next run. Every run is in the metrics.
 */
@SpringBootTest
abstract class HousekeepingContractTests {

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    MeterRegistry metrics;

    @Test
    void aSecondRunOfATaskSkipsWhileTheFirstHoldsItsLock() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        HousekeepingTask slow = new SlowTask(() -> {
            runs.incrementAndGet();
            started.countDown();
            await(release);
        });
        HousekeepingTask.Schedule schedule = SlowTask.class.getAnnotation(HousekeepingTask.Schedule.class);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> housekeeping.runLocked(slow, schedule));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        boolean second = housekeeping.runLocked(slow, schedule);
        release.countDown();

        assertThat(second).isFalse();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(housekeeping.runLocked(slow, schedule)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailingTaskIsLoggedAndRunsAgainNextTime() {
        AtomicInteger runs = new AtomicInteger();
        HousekeepingTask failing = new FailingTask(runs);
        HousekeepingTask.Schedule schedule = FailingTask.class.getAnnotation(HousekeepingTask.Schedule.class);

        assertThat(housekeeping.runLocked(failing, schedule)).isTrue();
        assertThat(housekeeping.runLocked(failing, schedule)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void eachRunIsTimedByTaskAndOutcomeAndWhatItHandledIsCounted() {
        HousekeepingTask.Schedule slowSchedule = SlowTask.class.getAnnotation(HousekeepingTask.Schedule.class);
        HousekeepingTask.Schedule failingSchedule = FailingTask.class.getAnnotation(HousekeepingTask.Schedule.class);
        long doneBefore = runs("test-slow", "done");
        double handledBefore = handled("test-slow");
        long failedBefore = runs("test-failing", "failed");

        housekeeping.runLocked(new SlowTask(() -> {}), slowSchedule);
        housekeeping.runLocked(new SlowTask(() -> {}), slowSchedule);
        housekeeping.runLocked(new FailingTask(new AtomicInteger()), failingSchedule);

        assertThat(runs("test-slow", "done")).isEqualTo(doneBefore + 2);
        assertThat(handled("test-slow")).isEqualTo(handledBefore + 2);
        assertThat(runs("test-failing", "failed")).isEqualTo(failedBefore + 1);
    }

    private long runs(String task, String outcome) {
        Timer timer = metrics.find("leerlog.housekeeping.runs")
                .tag("task", task)
                .tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double handled(String task) {
        Counter counter =
                metrics.find("leerlog.housekeeping.handled").tag("task", task).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @HousekeepingTask.Schedule(name = "test-slow", every = "PT1M")
    private record SlowTask(Runnable work) implements HousekeepingTask {

        @Override
        public int run() {
            work.run();
            return 1;
        }
    }

    @HousekeepingTask.Schedule(name = "test-failing", every = "PT1M")
    private record FailingTask(AtomicInteger runs) implements HousekeepingTask {

        @Override
        public int run() {
            runs.incrementAndGet();
            throw new IllegalStateException("the task's own failure");
        }
    }
}
