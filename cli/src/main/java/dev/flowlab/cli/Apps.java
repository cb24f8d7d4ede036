package dev.flowlab.cli;

import dev.flowlab.controller.Controller;
import java.util.List;
import java.util.Set;

/** Checks {@code --apps} before anything is built, so a typo costs nothing to undo. */
final class Apps {
    private Apps() {
    }

    static List<String> check(List<String> apps) {
        Set<String> known = Controller.availableApps();
        for (String app : apps) {
            if (!known.contains(app)) {
                throw new IllegalArgumentException("unknown app '" + app + "': known apps are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return apps;
    }
}
