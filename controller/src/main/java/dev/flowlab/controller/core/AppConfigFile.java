package dev.flowlab.controller.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            int line = line(e, text);
            throw new IllegalArgumentException(where + (line > 0 ? " line " + line : "") + ": " + JsonMapping.describe(e), e);
        }
    }

    /**
     * The line at fault. Records are bound through their constructor, so Jackson may report an unknown
     * key only once the parser is past the whole list it sits in: look for the key itself instead.
     */
    private static int line(JsonProcessingException e, String text) {
        if (e instanceof UnrecognizedPropertyException u) {
            Matcher key = Pattern.compile("^[\\s-]*\"?" + Pattern.quote(u.getPropertyName()) + "\"?\\s*:", Pattern.MULTILINE)
                    .matcher(text);
            if (key.find()) {
                return (int) text.substring(0, key.start()).chars().filter(c -> c == '\n').count() + 1;
            }
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
