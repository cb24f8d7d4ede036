package dev.flowlab.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --apps}: the embedded controller's apps, in the order they see events. A picocli mixin. */
public final class AppsOption {
    @Option(names = "--apps", split = ",", paramLabel = "APP", defaultValue = "learning-switch",
            description = "apps of the embedded controller, in order (default: ${DEFAULT-VALUE}); "
                    + "an unknown name lists the known ones")
    List<String> apps;

    /** The apps as given, each checked to exist: a typo fails before anything is built. */
    public List<String> checked() {
        return Apps.check(apps);
    }

    /** The apps as given, unchecked. */
    public List<String> given() {
        return List.copyOf(apps);
    }
}
