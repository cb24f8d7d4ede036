package dev.flowlab.bench.controller;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start this same flowlab build in a child JVM: {@code java -jar flowlab.jar}, or from classes in tests. */
final class SelfLauncher {
    /**
     * flowlab's entry point. Named, not linked: the bench sits below the command line, which starts
     * it; the class is on the class path whenever the bench runs from the flowlab jar or its tests.
     */
    static final String MAIN_CLASS = "dev.flowlab.cli.Main";

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
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        }
        return command;
    }

    private static Path codeSource() {
        try {
            Class<?> main = Class.forName(MAIN_CLASS, false, SelfLauncher.class.getClassLoader());
            return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new BenchException("cannot start flowlab as a child: " + MAIN_CLASS + " is not on the class path");
        }
    }
}
