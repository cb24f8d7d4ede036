package dev.flowlab.cli;

import dev.flowlab.controller.VlanPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --app-config APP=FILE} values, checked before anything starts. */
final class AppConfigs {
    private AppConfigs() {
    }

    /**
     * The config file of each app named.
     *
     * @throws IllegalArgumentException one line naming the bad value and the fix
     */
    static Map<String, Path> parse(List<String> values, List<String> apps) {
        Map<String, Path> configs = new LinkedHashMap<>();
        for (String value : values == null ? List.<String>of() : values) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("--app-config '" + value + "' is not APP=FILE, e.g. acl=rules.yaml");
            }
            String app = value.substring(0, eq);
            Path file = Path.of(value.substring(eq + 1));
            if (!apps.contains(app) && !app.equals(VlanPorts.CONFIG_ID)) {  // vlans=FILE: the core VLAN stage's
                throw new IllegalArgumentException("--app-config " + value + ": app '" + app + "' is not in --apps "
                        + String.join(",", apps) + "; add it there");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("--app-config " + value + ": no such readable file " + file);
            }
            if (configs.put(app, file) != null) {
                throw new IllegalArgumentException("--app-config names app '" + app + "' twice; give each app one file");
            }
        }
        return configs;
    }
}
