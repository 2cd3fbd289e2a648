package nl.leerlog.lti.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move forward instead of waiting: either the system clock plus an offset (so tokens
 * signed in the test stay realistic) or a clock that stands still at a chosen instant.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private MovableClock(Clock base) {
        this.base = base;
    }

    /** The system clock, moved forward on demand. */
    public static MovableClock followingSystemTime() {
        return new MovableClock(Clock.systemUTC());
    }

    /** Stands still at {@code start} until moved. */
    public static MovableClock standingAt(Instant start) {
        return new MovableClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock's moves. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock clock = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }
        };
    }
}
