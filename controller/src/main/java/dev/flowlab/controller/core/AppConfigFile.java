package dev.flowlab.controller.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one app's configuration file (YAML or JSON) into the app's config type, with errors naming file and line. */
public final class AppConfigFile {
    private AppConfigFile() {
    }

    /**
     * @throws IllegalArgumentException one line: the app, the file, the line and what is wrong
     */
    public static <T> T read(String appId, Path file, Class<T> type) {
        String where = "app " + appId + ": config file " + file;
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + " does not exist; check the path given to --app-config");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(where + " is empty; write the app's settings in it or drop --app-config");
        }
        try {
            return JsonMapping.yaml().readValue(text, type);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(where + (line > 0 ? " line " + line : "") + ": " + JsonMapping.describe(e), e);
        }
    }
}
