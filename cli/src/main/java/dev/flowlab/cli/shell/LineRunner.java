package dev.flowlab.cli.shell;

import dev.flowlab.cli.output.Console;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one shell line: a command from the table, or a command inside a host when the first word is
 * a host name. Errors a user made become one red line; the shell goes on.
 */
public final class LineRunner {
    /** How a line ended. */
    public enum Outcome { OK, FAILED, ERROR, EXIT }

    /** Runs the rest of a line inside a host; returns false when the command exited non-zero. */
    @FunctionalInterface
    public interface HostCommand {
        boolean run(String host, String commandLine) throws Exception;
    }

    private final CommandTable table;
    private final Supplier<Set<String>> hostNames;
    private final HostCommand hostCommand;
    private final Console console;

    public LineRunner(CommandTable table, Supplier<Set<String>> hostNames, HostCommand hostCommand, Console console) {
        this.table = table;
        this.hostNames = hostNames;
        this.hostCommand = hostCommand;
        this.console = console;
    }

    public Outcome run(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Outcome.OK;
        }
        try {
            List<String> words = Words.split(trimmed);
            String first = words.get(0);
            String rest = restAfterFirstWord(trimmed);
            var command = table.find(first);
            if (command.isPresent()) {
                if (command.get().name().equals("exit")) {
                    return Outcome.EXIT;
                }
                boolean ok = command.get().handler().run(new CommandTable.Invocation(words.subList(1, words.size()), rest));
                return ok ? Outcome.OK : Outcome.FAILED;
            }
            if (hostNames.get().contains(first)) {
                if (rest.isEmpty()) {
                    throw new ShellException("usage: " + first + " COMMAND...   e.g. " + first + " ping -c3 h2");
                }
                return hostCommand.run(first, rest) ? Outcome.OK : Outcome.FAILED;
            }
            throw new ShellException("unknown command or host '" + first + "': type help for the commands, nodes for the hosts");
        } catch (ShellException e) {
            console.println(console.red("error: ") + e.getMessage());
            return Outcome.ERROR;
        } catch (InterruptedException e) {
            console.println(console.yellow("interrupted"));
            return Outcome.FAILED;
        } catch (Exception e) {
            console.println(console.red("error: ") + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return Outcome.ERROR;
        }
    }

    private static String restAfterFirstWord(String trimmed) {
        int i = 0;
        while (i < trimmed.length() && !Character.isWhitespace(trimmed.charAt(i))) {
            i++;
        }
        return trimmed.substring(i).strip();
    }
}
