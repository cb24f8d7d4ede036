package dev.flowlab.cli.shell;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names and host names as the first word; then what the command takes
 * (hosts, switches, nodes, {@code up|down}, {@code stop|start}); after a host name, host names
 * anywhere ({@code h1 ping h<TAB>}).
 */
public final class ShellCompleter implements Completer {
    private final CommandTable table;
    private final Supplier<Collection<String>> hosts;
    private final Supplier<Collection<String>> switches;

    public ShellCompleter(CommandTable table, Supplier<Collection<String>> hosts, Supplier<Collection<String>> switches) {
        this.table = table;
        this.hosts = hosts;
        this.switches = switches;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates(line.words(), line.wordIndex()).forEach(c -> candidates.add(new Candidate(c)));
    }

    /** What may stand at position {@code index} of a line whose words so far are {@code words}. */
    public List<String> candidates(List<String> words, int index) {
        if (index == 0) {
            return concat(table.names(), hosts.get());
        }
        String first = words.get(0);
        if (hosts.get().contains(first)) {
            return List.copyOf(hosts.get());
        }
        return table.find(first).map(c -> argumentsOf(c, index)).orElse(List.of());
    }

    private List<String> argumentsOf(CommandTable.Command command, int index) {
        switch (command.name()) {
            case "link":
                return index <= 2 ? nodes() : index == 3 ? List.of("down", "up") : List.of();
            case "switch":
                return index == 1 ? List.copyOf(switches.get()) : index == 2 ? List.of("stop", "start") : List.of();
            case "controller":
                return index == 1 ? List.of("stop", "start") : List.of();
            case "help":
                return index == 1 ? table.names() : List.of();
            default:
                break;
        }
        return switch (command.completes()) {
            case HOSTS -> List.copyOf(hosts.get());
            case SWITCHES -> List.copyOf(switches.get());
            case NODES -> nodes();
            case NOTHING -> List.of();
        };
    }

    private List<String> nodes() {
        return concat(hosts.get(), switches.get());
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
