package dev.flowlab.cli.output;

import dev.flowlab.lab.BuildProgressLine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    @Test
    void pipedOutputHasNoEscapesAndNoLiveProgress() {
        StringWriter text = new StringWriter();
        Console plain = Console.plain(new PrintWriter(text, true));
        Step step = plain.step("network");
        new BuildProgressLine(step).update("hosts", 3, 4);
        step.done("4 hosts");
        assertThat(text.toString()).doesNotContain("\u001b").startsWith("  ok  network     4 hosts ").endsWith(" s\n");
        assertThat(text.toString().lines()).hasSize(1);
    }

    @Test
    void terminalOutputIsColouredAndProgressIsOverwritten() {
        StringWriter text = new StringWriter();
        Console tty = new Console(new PrintWriter(text, true), true);
        Step step = tty.step("network");
        BuildProgressLine progress = new BuildProgressLine(step);
        progress.update("hosts", 4, 4);
        progress.update("links", 1, 4);
        assertThat(progress.describe()).isEqualTo("hosts 4/4  links 1/4");
        step.done("built");
        assertThat(text.toString()).contains("\r\u001b[2K  ..  network     hosts 4/4", "\u001b[32mok\u001b[0m");
    }

    @Test
    void secondsAreReadable() {
        assertThat(Step.seconds(Duration.ofMillis(480))).isEqualTo("0.48 s");
        assertThat(Step.seconds(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
    }
}
