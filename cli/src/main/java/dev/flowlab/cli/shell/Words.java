package dev.flowlab.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell line into words the way a POSIX shell does for the simple cases a person types:
 * blanks separate words, 'single' and "double" quotes group, a backslash escapes the next character,
 * and a {@code #} at the start of a word begins a comment that runs to the end of the line.
 */
public final class Words {
    private Words() {
    }

    /** The words of {@code line}; a line with an unclosed quote is a {@link ShellException}. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new ShellException("unclosed " + quote + " quote: close it or escape it with \\");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
