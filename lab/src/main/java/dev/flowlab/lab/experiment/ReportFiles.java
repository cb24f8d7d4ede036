package dev.flowlab.lab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/** An experiment's report directory: results.json, the PNG plots, and report.md as the experiment words it. */
final class ReportFiles {
    private ReportFiles() {
    }

    /** @param markdown report.md from the result and the plots' file names */
    static void write(ExperimentResult result, Path dir, BiFunction<ExperimentResult, List<String>, String> markdown)
            throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), result);
        List<String> plots = Plots.write(result, dir);
        Files.writeString(dir.resolve("report.md"), markdown.apply(result, plots));
    }
}
