package dev.flowlab.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationTextTest {
    @Test
    void readsTheUsualForms() {
        DurationText d = new DurationText();
        assertThat(d.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.convert("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(d.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsGarbageWithTheFormInTheMessage() {
        assertThatThrownBy(() -> new DurationText().convert("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("30s");
    }
}
