package dev.flowlab.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * How this flowlab starts another flowlab controller as a process of its own ({@code --controllers N}):
 * the same Java and class path (the flowlab jar), {@code flowlab controller}. The JVM options keep each
 * member small and quick to start: several share this machine's cores with Open vSwitch.
 */
public final class ControllerLauncher {
    private ControllerLauncher() {
    }

    /** The command; the member's own options ({@code --listen}, {@code --rest}...) follow it. */
    public static List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "controller");
    }
}
