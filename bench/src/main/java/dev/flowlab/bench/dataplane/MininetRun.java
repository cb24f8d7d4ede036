package dev.flowlab.bench.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.bench.controller.BenchException;
import dev.flowlab.dataplane.CommandTimeoutException;
import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.ProcessRunner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.time.Duration;

/**
 * Mininet's side of the dataplane bench: Debian's Mininet (on /usr/bin/python3) runs the same topology
 * with standalone userspace OVS switches, through {@code mininet_run.py} shipped in this jar. That script
 * names everything with its own prefix and cleans up only what it made (never {@code mn -c}).
 */
final class MininetRun {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private MininetRun() {
    }

    /** A one-line error when Mininet cannot run here, before anything is built. */
    static void requireMininet() {
        try {
            if (!ProcessRunner.run(List.of(PYTHON, "-c", "import mininet.net"), null, Duration.ofSeconds(30)).ok()) {
                throw new BenchException("--compare mininet needs Debian's Mininet: apt-get install mininet");
            }
        } catch (DataplaneException e) {
            throw new BenchException("--compare mininet needs " + PYTHON + " and Debian's Mininet: apt-get install mininet");
        }
    }

    static DataplaneRun measure(String spec, String prefix) {
        String load = MachineFacts.load();
        Path script = null;
        try {
            script = Files.createTempFile("flowlab-mininet-", ".py");
            try (InputStream in = MininetRun.class.getResourceAsStream("mininet_run.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            ExecResult p;
            try {
                p = ProcessRunner.run(List.of(PYTHON, script.toString(), prefix, spec), null, LIMIT);
            } catch (CommandTimeoutException e) {
                throw new BenchException("Mininet on " + spec + " took longer than " + LIMIT.toMinutes() + " minutes");
            }
            String json = p.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (p.exitCode() != 0 || json == null) {
                String why = p.stderr().strip();
                throw new BenchException("Mininet on " + spec + " failed: "
                        + why.lines().reduce((a, b) -> b).orElse("exit " + p.exitCode()));
            }
            JsonNode r = new ObjectMapper().readTree(json);
            double ping = r.get("ping").isNull() ? Double.NaN : r.get("ping").asDouble();
            return new DataplaneRun("mininet", spec, r.get("hosts").asInt(), r.get("build").asDouble(), ping,
                    r.get("teardown").asDouble(), r.get("kibPerHost").asDouble(), load);
        } catch (IOException e) {
            throw new BenchException("cannot run Mininet: " + e.getMessage());
        } catch (DataplaneException e) {
            throw new BenchException("Mininet on " + spec + ": " + e.getMessage());
        } finally {
            for (Path temp : new Path[] {script}) {
                if (temp != null) {
                    temp.toFile().delete();
                }
            }
        }
    }
}
