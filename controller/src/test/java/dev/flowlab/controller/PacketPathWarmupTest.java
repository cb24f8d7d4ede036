package dev.flowlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.core.AppLoader;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.testing.LogCapture;
import dev.flowlab.controller.testing.RehearsalModules;
import dev.flowlab.controller.topology.CoreServices;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warm-up copies only the apps that agreed to it, and a user reads nothing of it in the log. */
class PacketPathWarmupTest {

    @BeforeEach
    void resetCounts() {
        RehearsalModules.REHEARSABLE.reset();
        RehearsalModules.NOT_REHEARSABLE.reset();
    }

    @Test
    void rehearsesWithCopiesOfTheRehearsableAppsOnlyAndLogsNothingAtInfo() {
        ControllerConfig config = ControllerConfig.builder().apps("test-not-rehearsable", "test-rehearsable").build();
        List<LoadedApp> controllersApps = AppLoader.instances(config.apps(), List.of(), new CoreServices().module());
        String thread = Thread.currentThread().getName();
        long rehearsed;
        List<String> logged;
        try (LogCapture log = LogCapture.under("dev.flowlab")) {
            rehearsed = PacketPathWarmup.runHere(config, controllersApps);
            logged = log.lines().stream().filter(l -> l.contains("[" + thread + "]") || l.contains("[flowlab-warmup")).toList();
        }

        assertThat(rehearsed).isPositive();
        assertThat(RehearsalModules.REHEARSABLE.starts).hasValue(1);   // the copy, started and stopped once
        assertThat(RehearsalModules.REHEARSABLE.stops).hasValue(1);
        assertThat(RehearsalModules.REHEARSABLE.packetIns).hasValue(rehearsed);
        // Scheduled work would race the rehearsal on its in-memory channel: the copy's never runs.
        assertThat(RehearsalModules.REHEARSABLE.scheduledRuns).hasValue(0);
        assertThat(RehearsalModules.NOT_REHEARSABLE.starts).hasValue(0);   // never made a second time
        assertThat(RehearsalModules.NOT_REHEARSABLE.packetIns).hasValue(0);
        assertThat(logged).isEmpty();   // no app list, no rehearsal switch up or down
    }

    @Test
    void withNoRehearsableAppTheCoreServicesStillRehearse() {
        ControllerConfig config = ControllerConfig.builder().apps("test-not-rehearsable").build();
        List<LoadedApp> controllersApps = AppLoader.instances(config.apps(), List.of(), new CoreServices().module());

        assertThat(PacketPathWarmup.runHere(config, controllersApps)).isPositive();
        assertThat(RehearsalModules.NOT_REHEARSABLE.starts).hasValue(0);
    }
}
