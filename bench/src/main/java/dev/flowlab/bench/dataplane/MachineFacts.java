package dev.flowlab.bench.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a benchmark's figures depend on: date, CPU, kernel, OVS version, and the load average right now. */
final class MachineFacts {
    private MachineFacts() {
    }

    /** One line: {@code 2026-12-02T04:40Z, Intel Xeon ... x 2 cores, kernel 6.1.0, Open vSwitch 3.1.0}. */
    static String describe() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES) + ", " + cpu() + " x "
                + Runtime.getRuntime().availableProcessors() + " cores, kernel " + read("/proc/sys/kernel/osrelease")
                + ", " + ovsVersion();
    }

    /** The 1-minute load average, e.g. {@code 0.42}: figures taken under load are not a quiet machine's. */
    static String load() {
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
            Process p = new ProcessBuilder(List.of("ovs-vswitchd", "--version")).redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            p.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            return first.replace("ovs-vswitchd (Open vSwitch)", "Open vSwitch").strip();
        } catch (IOException e) {
            return "Open vSwitch ?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
