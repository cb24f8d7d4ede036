package dev.flowlab.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Poll;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.SwitchRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics of a controller that is gone do not keep it: Prometheus's JvmMetrics holds every registry it was
 * ever given (and a GC listener for each) for the JVM's life, so a controller's registry must not be one of them.
 */
class ControllerMetricsTest {

    @Test
    void aDroppedControllersMetricsKeepNothingOfIt() {
        WeakReference<SwitchRegistry> watched = watchedAndDropped();

        Poll.until("the switch registry the dropped metrics watched is collected", Duration.ofSeconds(20), () -> {
            System.gc();
            return watched.get() == null;
        });
    }

    @Test
    void theScrapeStillHasTheJvmsMetricsBesideTheControllers() {
        ControllerMetrics metrics = new ControllerMetrics();
        metrics.packetInTimer("some-app").accept(1_000);
        String text = metrics.scrape();

        assertThat(text).contains("flowlab_app_packet_in_duration_seconds_count{app=\"some-app\"} 1")
                .contains("jvm_memory_used_bytes").contains("jvm_threads_current");
        assertThat(new ControllerMetrics().scrape()).contains("jvm_memory_used_bytes")
                .doesNotContain("some-app");   // each controller's own metrics are its own
    }

    private static WeakReference<SwitchRegistry> watchedAndDropped() {
        SwitchRegistry registry = new SwitchRegistry(new EventDispatcher(List.of()));
        new ControllerMetrics().watch(registry);
        return new WeakReference<>(registry);
    }
}
