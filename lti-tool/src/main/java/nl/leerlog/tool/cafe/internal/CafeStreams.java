package nl.leerlog.tool.cafe.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongUnaryOperator;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import nl.leerlog.tool.cafe.internal.CafeMessages.Message;
import nl.leerlog.tool.cafe.internal.LiveMessages.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's live readers, per channel: each open channel page holds one server-sent event stream. When a
 * channel changes, this instance reads what changed once, renders it once per kind of reader and sends it on every
 * stream as a {@code messages} event: "from change F to change T, these messages". A page that showed change F
 * takes them as they are; a page that is behind asks for what it missed ({@code GET …/changes?after=N}), so an
 * event missed or arriving twice costs nothing. Whether each reader may still read the channel is checked again
 * with every change: someone who left the group loses their stream. Streams end after a while and the page opens a
 * new one, which starts with the channel's latest change number (a {@code change} event).
 */
@Component
class CafeStreams implements SmartLifecycle {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(CafeStreams.class);

    private final Map<Long, LiveChannel> byChannel = new ConcurrentHashMap<>();
    // A slow reader must not hold up the others, nor the signals: sends and renderings run on virtual threads.
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
    private final CafeMessages messages;
    private final CafeGroups groups;
    private final CafeChannels channels;
    private final LiveMessages live;
    private volatile boolean running;

    CafeStreams(CafeMessages messages, CafeGroups groups, CafeChannels channels, LiveMessages live) {
        this.messages = messages;
        this.groups = groups;
        this.channels = channels;
        this.live = live;
    }

    /** One open page: its stream, who reads it, and the latest change it was sent (for its unread count). */
    private static final class Reader {
        final SseEmitter emitter;
        final Viewer viewer;
        volatile long sent;
        long markedRead;

        Reader(SseEmitter emitter, Viewer viewer, long sent) {
            this.emitter = emitter;
            this.viewer = viewer;
            this.sent = sent;
            this.markedRead = sent;
        }
    }

    /** A channel with readers on this instance, and the changes sent to them so far. */
    private static final class LiveChannel {
        final Channel channel;
        final Set<Reader> readers = ConcurrentHashMap.newKeySet();
        long shown;
        long wanted;
        boolean busy;

        LiveChannel(Channel channel) {
            this.channel = channel;
            this.shown = channel.lastChange();
        }
    }

    /** A new stream for the channel, which starts by telling its latest change. */
    SseEmitter open(Channel channel, Viewer viewer) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Reader reader = new Reader(emitter, viewer, channel.lastChange());
        LiveChannel open = byChannel.compute(channel.id(), (id, existing) -> {
            LiveChannel liveChannel = existing == null ? new LiveChannel(channel) : existing;
            liveChannel.readers.add(reader);
            return liveChannel;
        });
        Runnable remove = () -> forget(channel.id(), reader);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        sendChange(open, reader, channel.lastChange());
        return emitter;
    }

    /** The channel is at {@code change}, committed: its readers here get what changed. */
    void changed(long channelId, long change) {
        LiveChannel channel = byChannel.get(channelId);
        if (channel == null) {
            return;
        }
        synchronized (channel) {
            channel.wanted = Math.max(channel.wanted, change);
            if (channel.busy || channel.wanted <= channel.shown) {
                return;
            }
            channel.busy = true;
        }
        sending.execute(() -> deliver(channel));
    }

    /** After signals may have been missed: every open channel delivers up to its latest change. */
    void catchUp(LongUnaryOperator lastChange) {
        byChannel.keySet().forEach(channelId -> changed(channelId, lastChange.applyAsLong(channelId)));
    }

    int open() {
        return byChannel.values().stream().mapToInt(c -> c.readers.size()).sum();
    }

    /**
     * Sends the channel's changes until it has shown every change it heard of; one delivery per channel at a time,
     * so signals that come in meanwhile are taken together.
     */
    private void deliver(LiveChannel channel) {
        while (true) {
            long from;
            long wanted;
            synchronized (channel) {
                if (channel.wanted <= channel.shown || channel.readers.isEmpty()) {
                    channel.busy = false;
                    return;
                }
                from = channel.shown;
                wanted = channel.wanted;
            }
            long to;
            try {
                List<Message> changed = messages.changedAfter(channel.channel.id(), from);
                // Every change up to the one heard of is committed, so this reading holds them all, unless a page
                // of changes is not enough: then the next round reads on from the last one here.
                to = changed.size() == CafeMessages.PAGE
                        ? changed.getLast().change()
                        : Math.max(
                                wanted,
                                changed.isEmpty() ? from : changed.getLast().change());
                send(channel, changed, from, to);
            } catch (RuntimeException e) {
                log.warn(
                        "Café stream could not send the changes of channel {}: {}", channel.channel.id(), e.toString());
                channel.readers.forEach(reader -> sendChange(channel, reader, wanted));
                to = wanted;
            }
            synchronized (channel) {
                channel.shown = Math.max(channel.shown, to);
            }
        }
    }

    private void send(LiveChannel channel, List<Message> changed, long from, long to) {
        Channel c = channel.channel;
        Optional<Group> group = groups.find(c.group().courseId(), c.group().id());
        Map<Long, Boolean> members = groups.everMembers(c.group().id());
        Long coachId = group.map(Group::coachId).orElse(null);
        Set<Reader> readers = new HashSet<>();
        for (Reader reader : channel.readers) {
            Viewer viewer = reader.viewer;
            if (group.isPresent()
                    && CafeChannels.mayRead(
                            viewer.teacher(),
                            viewer.userId(),
                            coachId,
                            Boolean.TRUE.equals(members.get(viewer.userId())))) {
                readers.add(reader);
            } else {
                // Left the group, or no longer its coach: the stream ends and opening it again answers "not found".
                reader.emitter.complete();
                forget(c.id(), reader);
            }
        }
        if (readers.isEmpty()) {
            return;
        }
        Set<Viewer> viewers = new HashSet<>();
        readers.forEach(reader -> viewers.add(reader.viewer));
        Map<Viewer, String> html = live.render(c, coachId, CafePeople.formerMembers(members), changed, viewers);
        String id = Long.toString(to);
        for (Reader reader : readers) {
            String data = from + " " + to + " " + html.get(reader.viewer);
            sending.execute(() -> {
                if (emit(
                        channel,
                        reader,
                        SseEmitter.event().name("messages").id(id).data(data))) {
                    reader.sent = Math.max(reader.sent, to);
                }
            });
        }
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
        markRead();
        byChannel.values().forEach(channel -> channel.readers.forEach(reader -> reader.emitter.complete()));
        byChannel.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A comment line now and then keeps proxies from closing a quiet stream. */
    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void keepAlive() {
        byChannel
                .values()
                .forEach(channel -> channel.readers.forEach(reader -> sending.execute(
                        () -> emit(channel, reader, SseEmitter.event().comment("still here")))));
    }

    /**
     * What a page was sent counts as read; written now and then for all streams together rather than once per
     * message per reader.
     */
    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void markRead() {
        byChannel.values().forEach(channel -> channel.readers.forEach(reader -> markRead(channel.channel, reader)));
    }

    private void markRead(Channel channel, Reader reader) {
        long sent = reader.sent;
        if (sent > reader.markedRead) {
            channels.markRead(channel.id(), reader.viewer.userId(), sent);
            reader.markedRead = sent;
        }
    }

    private void sendChange(LiveChannel channel, Reader reader, long change) {
        String number = Long.toString(change);
        emit(channel, reader, SseEmitter.event().name("change").id(number).data(number));
    }

    private boolean emit(LiveChannel channel, Reader reader, SseEmitter.SseEventBuilder event) {
        try {
            reader.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            forget(channel.channel.id(), reader);
            return false;
        }
    }

    private void forget(long channelId, Reader reader) {
        byChannel.computeIfPresent(channelId, (id, channel) -> {
            if (channel.readers.remove(reader)) {
                sending.execute(() -> markReadQuietly(channel.channel, reader));
            }
            return channel.readers.isEmpty() ? null : channel;
        });
    }

    private void markReadQuietly(Channel channel, Reader reader) {
        try {
            markRead(channel, reader);
        } catch (RuntimeException e) {
            log.warn("Café stream could not mark channel {} read: {}", channel.id(), e.toString());
        }
    }
}
