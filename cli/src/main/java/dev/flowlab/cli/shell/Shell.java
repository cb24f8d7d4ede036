package dev.flowlab.cli.shell;

import dev.flowlab.cli.output.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The {@code flowlab>} prompt. On a terminal: JLine line editing, history in
 * {@code ~/.flowlab_history}, tab completion, and Ctrl-C that stops the running command (not the
 * shell). Otherwise (piped stdin, {@code --script}): reads lines, echoes each one, and reports.
 */
public final class Shell {
    private static final String PROMPT = "flowlab> ";

    private final LineRunner runner;
    private final ShellCompleter completer;
    private final Console console;

    public Shell(LineRunner runner, ShellCompleter completer, Console console) {
        this.runner = runner;
        this.completer = completer;
        this.console = console;
    }

    /** Reads commands from the terminal until {@code exit} or Ctrl-D. */
    public void interactive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("flowlab")
                    .completer(completer)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".flowlab_history"))
                    .build();
            Thread shellThread = Thread.currentThread();
            // Ctrl-C while a command runs: the command's processes get SIGINT from the terminal; we
            // interrupt the waiting thread. Without this handler the JVM would exit on Ctrl-C.
            terminal.handle(Terminal.Signal.INT, signal -> shellThread.interrupt());
            console.println(console.dim("type help for the commands, exit or Ctrl-D to leave"));
            while (true) {
                String line;
                try {
                    line = reader.readLine(console.bold(PROMPT));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    console.println("exit");
                    return;
                }
                LineRunner.Outcome outcome = runner.run(line);
                Thread.interrupted();
                if (outcome == LineRunner.Outcome.EXIT) {
                    return;
                }
            }
        }
    }

    /**
     * Runs every line of a script, echoing each one. A command used wrongly stops the script at once
     * (exit code 2); a command that ran but failed (loss in a pingall, a host command exiting
     * non-zero) lets the script go on and makes the exit code 1.
     */
    public int script(BufferedReader lines) throws IOException {
        int exitCode = 0;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            console.println(console.bold(PROMPT) + line);
            switch (runner.run(line)) {
                case EXIT:
                    return exitCode;
                case ERROR:
                    console.println(console.red("script stopped at line " + lineNumber));
                    return 2;
                case FAILED:
                    exitCode = 1;
                    break;
                default:
                    break;
            }
        }
        return exitCode;
    }
}
