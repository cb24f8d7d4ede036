package dev.flowlab.cli.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shell's commands by name, in the order {@code help} lists them. A line whose first word is
 * no command but a host name runs the rest of the line inside that host ({@code h1 ping h2}).
 */
public final class CommandTable {
    /** What a command does with its arguments; returns false when the outcome is a failure (e.g. loss). */
    @FunctionalInterface
    public interface Handler {
        boolean run(Invocation invocation) throws Exception;
    }

    /**
     * One typed line, split.
     *
     * @param words words after the command name
     * @param rest  the raw text after the command name, for commands passed on to a host's shell
     */
    public record Invocation(List<String> words, String rest) {
        public String word(int i, String usage) {
            if (i >= words.size()) {
                throw new ShellException("missing argument: usage: " + usage);
            }
            return words.get(i);
        }
    }

    /** What tab completion offers after a command. */
    public enum Completes { NOTHING, HOSTS, SWITCHES, NODES }

    /** A registered command. */
    public record Command(String name, String usage, String summary, Completes completes, Handler handler) {
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    public CommandTable add(String name, String usage, String summary, Completes completes, Handler handler) {
        commands.put(name, new Command(name, usage, summary, completes, handler));
        return this;
    }

    /** {@code alias} runs {@code name}, e.g. {@code quit} for {@code exit}. */
    public CommandTable alias(String alias, String name) {
        aliases.put(alias, name);
        return this;
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(aliases.getOrDefault(name, name)));
    }

    public Collection<Command> all() {
        return commands.values();
    }

    /** Command names and aliases, for completion. */
    public List<String> names() {
        List<String> names = new ArrayList<>(commands.keySet());
        names.addAll(aliases.keySet());
        return names;
    }
}
