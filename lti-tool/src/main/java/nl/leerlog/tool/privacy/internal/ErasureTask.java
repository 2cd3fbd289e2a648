package nl.leerlog.tool.privacy.internal;

import java.time.Clock;
import java.util.Map;
import nl.leerlog.tool.system.HousekeepingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out the students' erasure requests whose waiting period ({@code leerlog.privacy.erasure-wait}) is over.
 * The log names the request by its number only, never the student.
 */
@Component
@HousekeepingTask.Schedule(name = "erasures", every = "${leerlog.privacy.erasure-interval:PT1H}", firstAfter = "PT5M")
record ErasureTask(Erasures erasures, StudentErasure erasure, Clock clock) implements HousekeepingTask {

    private static final Logger log = LoggerFactory.getLogger(ErasureTask.class);

    @Override
    public int run() {
        int done = 0;
        for (Erasures.Erasure request : erasures.due(clock.instant())) {
            if (!erasures.stillPending(request.id())) {
                continue;
            }
            Map<String, Integer> erased = erasure.erase(request.courseId(), request.userId());
            erasures.markErased(request.id(), clock.instant());
            log.info("Erasure request {} carried out: {}", request.id(), erased);
            done++;
        }
        return done;
    }
}
