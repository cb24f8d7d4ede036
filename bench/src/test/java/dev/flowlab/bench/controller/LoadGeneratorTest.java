package dev.flowlab.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generator against a real controller (Open vSwitch's ovs-testcontroller, a learning switch in C).
 * Port 16850 on 127.0.0.1 (the command line's tests in cli use 16851-16859).
 */
class LoadGeneratorTest {
    private static final int OVS_PORT = 16850;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void ovsTestcontrollerCompletesTheHandshakeAndInstallsFlowsForTheCycledMacs(Mode mode) {
        assumeTrue(onPath("ovs-testcontroller"), "ovs-testcontroller is not installed (apt-get install openvswitch-testcontroller)");
        LoadSettings settings = new LoadSettings(4, 100, 4, mode, 2, 1, Duration.ofMillis(300),
                Duration.ofSeconds(5), 1, 64, Duration.ofNanos(100_000));
        List<LoopSample> seen = new ArrayList<>();
        LoadResult result;
        try (ControllerProcess controller = ControllerProcess.start(SpawnSpec.parse("ovs-testcontroller"), OVS_PORT,
                List.of(), Duration.ofSeconds(10))) {
            result = new LoadGenerator(settings).run(controller.address(), new LoadListener() {
                @Override
                public void learned(double seconds, boolean complete) {
                    assertThat(complete).as("every host's first packet-in answered").isTrue();
                }

                @Override
                public void loop(LoopSample loop) {
                    seen.add(loop);
                }
            }, controller::cpuNanos);
        }
        assertThat(result.handshakes()).isEqualTo(4);
        assertThat(seen).hasSize(2);
        LoopSample measured = seen.get(1);
        // After learning, a learning switch knows every destination: each packet-in earns a flow-mod.
        assertThat(measured.flowMods()).isPositive();
        assertThat(measured.packetOuts()).isPositive();
        assertThat(measured.switchesAnswering()).isEqualTo(4);
        assertThat(result.median()).isPositive();
        assertThat(ListeningPorts.isListening(OVS_PORT)).as("ovs-testcontroller stopped").isFalse();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
