package dev.flowlab.controller.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what one class (or a tree of loggers) logs while the test runs, to assert that a warning names what it should. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(org.slf4j.Logger source) {
        this.logger = (Logger) source;
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture(LoggerFactory.getLogger(source));
    }

    /** What every logger under {@code name} logs (as the test config lets through: INFO and up for dev.flowlab). */
    public static LogCapture under(String name) {
        return new LogCapture(LoggerFactory.getLogger(name));
    }

    /** Every line so far, formatted as "LEVEL [thread] message". */
    public List<String> lines() {
        return List.copyOf(appender.list).stream()
                .map(e -> e.getLevel() + " [" + e.getThreadName() + "] " + e.getFormattedMessage()).toList();
    }

    /** The WARN (and worse) lines so far, formatted. */
    public List<String> warnings() {
        return List.copyOf(appender.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
