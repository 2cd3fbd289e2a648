package nl.leerlog.tool.cafe.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongUnaryOperator;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's live readers, per channel: each open channel page holds one server-sent event stream. A stream
 * carries only change numbers ("the channel is at change N"); the page then asks for what changed after the last
 * change it showed, so a number missed or arriving twice costs nothing. Streams end after a while and the page
 * opens a new one, telling the number it last saw ({@code Last-Event-ID}).
 */
@Component
class CafeStreams implements SmartLifecycle {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Map<Long, Set<SseEmitter>> byChannel = new ConcurrentHashMap<>();
    // A slow reader must not hold up the others: each send runs on a virtual thread of its own.
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    /** A new stream for the channel, which starts by telling its latest change. */
    SseEmitter open(long channelId, long lastChange) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Set<SseEmitter> streams = byChannel.computeIfAbsent(channelId, id -> ConcurrentHashMap.newKeySet());
        streams.add(emitter);
        Runnable remove = () -> forget(channelId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(channelId, emitter, lastChange);
        return emitter;
    }

    void changed(long channelId, long change) {
        Set<SseEmitter> streams = byChannel.get(channelId);
        if (streams != null) {
            streams.forEach(emitter -> sending.execute(() -> send(channelId, emitter, change)));
        }
    }

    /** Tells every open stream its channel's latest change, after signals may have been missed. */
    void catchUp(LongUnaryOperator lastChange) {
        byChannel.forEach((channelId, streams) -> {
            long change = lastChange.applyAsLong(channelId);
            streams.forEach(emitter -> sending.execute(() -> send(channelId, emitter, change)));
        });
    }

    int open() {
        return byChannel.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server stops taking requests (this phase stops first): the pages connect
     * again, to another instance during a rolling upgrade, and a graceful shutdown need not wait for them.
     */
    @Override
    public void stop() {
        running = false;
        byChannel.values().forEach(streams -> streams.forEach(SseEmitter::complete));
        byChannel.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A comment line now and then keeps proxies from closing a quiet stream. */
    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void keepAlive() {
        byChannel.forEach((channelId, streams) -> streams.forEach(emitter -> sending.execute(() -> {
            try {
                emitter.send(SseEmitter.event().comment("still here"));
            } catch (IOException | IllegalStateException gone) {
                forget(channelId, emitter);
            }
        })));
    }

    private void send(long channelId, SseEmitter emitter, long change) {
        try {
            emitter.send(
                    SseEmitter.event().name("change").id(Long.toString(change)).data(Long.toString(change)));
        } catch (IOException | IllegalStateException gone) {
            forget(channelId, emitter);
        }
    }

    private void forget(long channelId, SseEmitter emitter) {
        byChannel.computeIfPresent(channelId, (id, streams) -> {
            streams.remove(emitter);
            return streams.isEmpty() ? null : streams;
        });
    }
}
