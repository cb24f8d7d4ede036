package dev.flowlab.cli.bench;

import dev.flowlab.cli.Main;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start this same flowlab build in a child JVM: {@code java -jar flowlab.jar}, or from classes in tests. */
final class SelfLauncher {
    private SelfLauncher() {
    }

    /** The command up to (not including) flowlab's own arguments. */
    static List<String> javaCommand(List<String> javaOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        Path codeSource = codeSource();
        if (codeSource.toString().endsWith(".jar")) {
            command.addAll(List.of("-jar", codeSource.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        return command;
    }

    private static Path codeSource() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate flowlab's own jar", e);
        }
    }
}
