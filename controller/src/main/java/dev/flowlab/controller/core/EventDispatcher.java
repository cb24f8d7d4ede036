package dev.flowlab.controller.core;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFlowRemoved;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers switch events to the apps in {@link App#order()} (then id) order, on the calling
 * thread: the I/O thread of the switch the event belongs to, so one switch's events stay in order
 * and no lock is taken. An app that throws is logged with app, callback and switch, counted, and
 * the event goes on to the next app.
 */
public final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    /** After this many failures of one app, only every this-many-th failure is logged. */
    private static final long LOG_EVERY = 1000;

    private final LoadedApp[] apps;
    private final LongAdder[] failures;
    /** Per app, in {@link #apps} order: hears how long its packet-in handler ran. */
    private final LongConsumer[] timers;

    /** Gives, once per app, what hears how long that app's packet-in handler ran (metrics). */
    @FunctionalInterface
    public interface PacketInTimer {
        LongConsumer forApp(String appId);
    }

    public EventDispatcher(List<LoadedApp> apps) {
        this(apps, app -> nanos -> { });
    }

    /**
     * As {@link #EventDispatcher(List)}, telling {@code timer} how long each app took over each packet-in.
     * Each app's recorder is looked up here, once, not per packet-in (the packet-in path is the hot one).
     */
    public EventDispatcher(List<LoadedApp> apps, PacketInTimer timer) {
        this.apps = apps.stream()
                .sorted(Comparator.comparingInt((LoadedApp a) -> a.app().order()).thenComparing(LoadedApp::id))
                .toArray(LoadedApp[]::new);
        this.timers = new LongConsumer[this.apps.length];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = timer.forApp(this.apps[i].id());
        }
        this.failures = new LongAdder[this.apps.length];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
    }

    /** The apps in the order they see events. */
    public List<LoadedApp> apps() {
        return List.of(apps);
    }

    /** Offers the packet to each app in turn until one handles it. */
    public Verdict packetIn(PacketIn packetIn) {
        for (int i = 0; i < apps.length; i++) {
            long start = System.nanoTime();
            try {
                if (apps[i].app().onPacketIn(packetIn) == Verdict.HANDLED) {
                    return Verdict.HANDLED;
                }
            } catch (RuntimeException e) {
                failed(i, "onPacketIn", packetIn.sw().id(), e);
            } finally {
                timers[i].accept(System.nanoTime() - start);
            }
        }
        return Verdict.CONTINUE;
    }

    public void switchUp(Switch sw) {
        each("onSwitchUp", sw.id(), app -> app.onSwitchUp(sw));
    }

    public void roleChanged(DatapathId dpid, Role role) {
        each("onRoleChanged", dpid, app -> app.onRoleChanged(dpid, role));
    }

    public void switchDown(DatapathId dpid) {
        each("onSwitchDown", dpid, app -> app.onSwitchDown(dpid));
    }

    public void portStatus(Switch sw, OFPortStatus status) {
        each("onPortStatus", sw.id(), app -> app.onPortStatus(sw, status));
    }

    public void flowRemoved(Switch sw, OFFlowRemoved removed) {
        each("onFlowRemoved", sw.id(), app -> app.onFlowRemoved(sw, removed));
    }

    public void error(Switch sw, OFErrorMsg error) {
        each("onError", sw.id(), app -> app.onError(sw, error));
    }

    /** Failures of each app so far, in {@link #apps()} order. */
    public long failures(int index) {
        return failures[index].sum();
    }

    private void each(String callback, DatapathId dpid, Consumer<App> call) {
        for (int i = 0; i < apps.length; i++) {
            try {
                call.accept(apps[i].app());
            } catch (RuntimeException e) {
                failed(i, callback, dpid, e);
            }
        }
    }

    private void failed(int index, String callback, DatapathId dpid, RuntimeException e) {
        failures[index].increment();
        long count = failures[index].sum();
        if (count <= LOG_EVERY || count % LOG_EVERY == 0) {
            LOG.warn("app={} callback={} dpid={} threw (failure {} of this app): {}", apps[index].id(), callback, dpid, count,
                    e.toString(), e);
        }
    }
}
