package dev.flowlab.controller.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.flowlab.controller.rest.EventFeed;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web view's {@link EventFeed}: every {@link #TICK_MILLIS} ms, while anyone follows it, the
 * {@link ViewModel} snapshot as JSON, published when it differs from the last one (and every
 * {@link #REPEAT_MILLIS} ms regardless, for a client that skipped one while it was not reading).
 * A link that goes down shows within a tick of the controller learning it.
 */
public final class ViewFeed implements EventFeed, AutoCloseable {
    static final long TICK_MILLIS = 300;
    static final long REPEAT_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);

    private final ViewModel model;
    private final ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final Set<Consumer<String>> followers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flowlab-view");
        t.setDaemon(true);
        return t;
    });
    private String last = "";
    private long lastSent;

    public ViewFeed(ViewModel model) {
        this.model = model;
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public AutoCloseable subscribe(Consumer<String> onEvent) {
        timer.execute(() -> {
            String now = current();
            if (now != null) {
                onEvent.accept(now);
            }
            followers.add(onEvent);
        });
        return () -> followers.remove(onEvent);
    }

    private void tick() {
        if (followers.isEmpty()) {
            return;
        }
        String before = last;
        String now = current();
        if (now != null && (!now.equals(before) || System.nanoTime() - lastSent > TimeUnit.MILLISECONDS.toNanos(REPEAT_MILLIS))) {
            lastSent = System.nanoTime();
            followers.forEach(f -> f.accept(now));
        }
    }

    private String current() {
        try {
            last = json.writeValueAsString(model.snapshot());
            return last;
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("web view snapshot failed: {}", e.toString(), e);
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
