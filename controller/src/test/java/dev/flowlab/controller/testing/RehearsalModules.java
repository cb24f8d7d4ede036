package dev.flowlab.controller.testing;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.AppModule;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Verdict;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two test apps found through ServiceLoader that count their instances' starts, stops and packet-ins (in static
 * counters, as a throwaway copy's instances are made by the loader): one {@link App#rehearsable()}, one not.
 */
public final class RehearsalModules {
    private RehearsalModules() {
    }

    /** Counts of every instance of one of the apps. */
    public static final class Counts {
        public final AtomicLong starts = new AtomicLong();
        public final AtomicLong stops = new AtomicLong();
        public final AtomicLong packetIns = new AtomicLong();
        /** Runs of the task each instance schedules at start, at once, on its context's executor. */
        public final AtomicLong scheduledRuns = new AtomicLong();

        public void reset() {
            starts.set(0);
            stops.set(0);
            packetIns.set(0);
            scheduledRuns.set(0);
        }
    }

    public static final Counts REHEARSABLE = new Counts();
    /** When set, a copy the packet-in warm-up makes (on its thread) waits in start until it is counted down. */
    public static volatile CountDownLatch HOLD_WARM_UP_COPY;
    public static final Counts NOT_REHEARSABLE = new Counts();

    public static final class RehearsableModule extends AppModule {
        public RehearsableModule() {
            super("test-rehearsable", Rehearsable.class);
        }
    }

    public static final class NotRehearsableModule extends AppModule {
        public NotRehearsableModule() {
            super("test-not-rehearsable", NotRehearsable.class);
        }
    }

    public static final class Rehearsable extends Counting {
        public Rehearsable() {
            super(REHEARSABLE);
        }

        @Override
        public boolean rehearsable() {
            return true;
        }
    }

    /** Runs first and lets every packet go on, so it would see the rehearsal's packet-ins if it were copied. */
    public static final class NotRehearsable extends Counting {
        public NotRehearsable() {
            super(NOT_REHEARSABLE);
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public Verdict onPacketIn(PacketIn in) {
            super.onPacketIn(in);
            return Verdict.CONTINUE;
        }
    }

    abstract static class Counting implements App {
        private final Counts counts;

        Counting(Counts counts) {
            this.counts = counts;
        }

        @Override
        public void start(AppContext context) {
            CountDownLatch hold = HOLD_WARM_UP_COPY;
            if (hold != null && Thread.currentThread().getName().equals("flowlab-warmup")) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            counts.starts.incrementAndGet();
            context.executor().execute(counts.scheduledRuns::incrementAndGet);
        }

        @Override
        public void stop() {
            counts.stops.incrementAndGet();
        }

        @Override
        public Verdict onPacketIn(PacketIn in) {
            counts.packetIns.incrementAndGet();
            in.flood();
            return Verdict.HANDLED;
        }
    }
}
