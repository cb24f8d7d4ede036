package dev.flowlab.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void blanksSeparateWords() {
        assertThat(Words.split("  ping   -c3\th2 ")).containsExactly("ping", "-c3", "h2");
    }

    @Test
    void quotesGroupAndBackslashEscapes() {
        assertThat(Words.split("sh -c 'echo a  b' \"x \\\"y\\\"\" c\\ d"))
                .containsExactly("sh", "-c", "echo a  b", "x \"y\"", "c d");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(Words.split("echo ''")).containsExactly("echo", "");
    }

    @Test
    void aHashStartingAWordBeginsAComment() {
        assertThat(Words.split("flows s3   # as the controller sees it")).containsExactly("flows", "s3");
        assertThat(Words.split("echo a#b '#c'")).containsExactly("echo", "a#b", "#c");
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Words.split("echo 'oops")).isInstanceOf(ShellException.class)
                .hasMessageContaining("unclosed ' quote");
    }
}
