package dev.flowlab.bench.dataplane;

import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What a benchmark's figures depend on: date, CPU, kernel, OVS version, and the load average right now. */
public final class MachineFacts {
    private MachineFacts() {
    }

    /** One line: {@code 2026-12-02T04:40Z, Intel Xeon ... x 2 cores, kernel 6.1.0, Open vSwitch 3.1.0}. */
    static String describe() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES) + ", " + cpu() + " x "
                + Runtime.getRuntime().availableProcessors() + " cores, kernel " + read("/proc/sys/kernel/osrelease")
                + ", " + ovsVersion();
    }

    /** The 1-minute load average, e.g. {@code 0.42}: figures taken under load are not a quiet machine's. */
    public static String load() {
        String avg = read("/proc/loadavg");
        return avg.isEmpty() ? "?" : avg.split(" ")[0];
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String ovsVersion() {
        try {
            String first = ProcessRunner.run(List.of("ovs-vswitchd", "--version"), null, Duration.ofSeconds(5))
                    .stdout().lines().findFirst().orElse("");
            return first.replace("ovs-vswitchd (Open vSwitch)", "Open vSwitch").strip();
        } catch (DataplaneException e) {
            return "Open vSwitch ?";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
