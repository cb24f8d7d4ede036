package dev.flowlab.controller.rest;

import java.util.function.Consumer;

/** Something a browser can follow as Server-Sent Events: each string it publishes becomes one event. */
public interface EventFeed {
    /**
     * Calls {@code onEvent} with the current state at once and with every later one, from the feed's
     * own thread, until the returned handle is closed.
     */
    AutoCloseable subscribe(Consumer<String> onEvent);
}
