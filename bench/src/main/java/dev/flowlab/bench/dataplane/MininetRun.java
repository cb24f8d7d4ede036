package dev.flowlab.bench.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.bench.controller.BenchException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mininet's side of the dataplane bench: Debian's Mininet (on /usr/bin/python3) runs the same topology
 * with standalone userspace OVS switches, through {@code mininet_run.py} shipped in this jar. That script
 * names everything with its own prefix and cleans up only what it made (never {@code mn -c}).
 */
final class MininetRun {
    private static final String PYTHON = "/usr/bin/python3";
    private static final long LIMIT_MINUTES = 15;

    private MininetRun() {
    }

    /** A one-line error when Mininet cannot run here, before anything is built. */
    static void requireMininet() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import mininet.net").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new BenchException("--compare mininet needs Debian's Mininet: apt-get install mininet");
            }
        } catch (IOException e) {
            throw new BenchException("--compare mininet needs " + PYTHON + " and Debian's Mininet: apt-get install mininet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    static DataplaneRun measure(String spec, String prefix) {
        String load = MachineFacts.load();
        Path script = null;
        Path errors = null;
        try {
            script = Files.createTempFile("flowlab-mininet-", ".py");
            errors = Files.createTempFile("flowlab-mininet-", ".err");
            try (InputStream in = MininetRun.class.getResourceAsStream("mininet_run.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Process p = new ProcessBuilder(List.of(PYTHON, script.toString(), prefix, spec))
                    .redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                p.destroy();
                throw new BenchException("Mininet on " + spec + " took longer than " + LIMIT_MINUTES + " minutes");
            }
            String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (p.exitValue() != 0 || json == null) {
                String why = Files.readString(errors).strip();
                throw new BenchException("Mininet on " + spec + " failed: "
                        + why.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
            }
            JsonNode r = new ObjectMapper().readTree(json);
            double ping = r.get("ping").isNull() ? Double.NaN : r.get("ping").asDouble();
            return new DataplaneRun("mininet", spec, r.get("hosts").asInt(), r.get("build").asDouble(), ping,
                    r.get("teardown").asDouble(), r.get("kibPerHost").asDouble(), load);
        } catch (IOException e) {
            throw new BenchException("cannot run Mininet: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while Mininet ran " + spec);
        } finally {
            for (Path temp : new Path[] {script, errors}) {
                if (temp != null) {
                    temp.toFile().delete();
                }
            }
        }
    }
}
