package dev.flowlab.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.LineRunner.Outcome;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineRunnerTest {
    private final StringWriter printed = new StringWriter();
    private final Console console = Console.plain(new PrintWriter(printed, true));
    private final List<String> ran = new ArrayList<>();
    private final CommandTable table = new CommandTable()
            .add("pingall", "pingall", "ping every pair", Completes.NOTHING, inv -> ran.add("pingall " + inv.words()))
            .add("fail", "fail", "always fails", Completes.NOTHING, inv -> false)
            .add("link", "link A B up|down", "link state", Completes.NODES,
                    inv -> ran.add("link " + inv.word(0, "link A B up|down") + inv.word(1, "link A B up|down")))
            .add("exit", "exit", "leave", Completes.NOTHING, inv -> true)
            .alias("quit", "exit");
    private final LineRunner runner = new LineRunner(table, () -> Set.of("h1", "h2"),
            (host, line) -> ran.add(host + ": " + line), console);

    @Test
    void runsCommandsWithTheirWords() {
        assertThat(runner.run("pingall  x 'y z'")).isEqualTo(Outcome.OK);
        assertThat(ran).containsExactly("pingall [x, y z]");
    }

    @Test
    void aHostNamePassesTheRawRestOfTheLineToTheHost() {
        assertThat(runner.run("h1 ping -c3 h2 | tail -1")).isEqualTo(Outcome.OK);
        assertThat(ran).containsExactly("h1: ping -c3 h2 | tail -1");
    }

    @Test
    void mistakesAreOneLineErrorsAndCommentsAreIgnored() {
        assertThat(runner.run("# a comment")).isEqualTo(Outcome.OK);
        assertThat(runner.run("bogus")).isEqualTo(Outcome.ERROR);
        assertThat(runner.run("link s1")).isEqualTo(Outcome.ERROR);
        assertThat(runner.run("h1")).isEqualTo(Outcome.ERROR);
        assertThat(printed.toString().lines()).containsExactly(
                "error: unknown command or host 'bogus': type help for the commands, nodes for the hosts",
                "error: missing argument: usage: link A B up|down",
                "error: usage: h1 COMMAND...   e.g. h1 ping -c3 h2");
        assertThat(ran).isEmpty();
    }

    @Test
    void exitAndItsAliasEndTheShell() {
        assertThat(runner.run("exit")).isEqualTo(Outcome.EXIT);
        assertThat(runner.run("quit")).isEqualTo(Outcome.EXIT);
    }

    @Test
    void scriptGoesOnAfterAFailureButStopsAtAMistake() throws Exception {
        Shell shell = new Shell(runner, null, console);
        assertThat(shell.script(new BufferedReader(new StringReader("pingall\nfail\n\npingall again\n")))).isEqualTo(1);
        assertThat(ran).containsExactly("pingall []", "pingall [again]");
        ran.clear();
        assertThat(shell.script(new BufferedReader(new StringReader("bogus\npingall\n")))).isEqualTo(2);
        assertThat(ran).isEmpty();
        assertThat(printed.toString()).contains("flowlab> bogus", "script stopped at line 1");
    }

    @Test
    void completionOffersCommandsHostsAndArguments() {
        ShellCompleter completer = new ShellCompleter(table, () -> List.of("h1", "h2"), () -> List.of("s1"));
        assertThat(completer.candidates(List.of(""), 0)).contains("pingall", "link", "quit", "h1", "h2");
        assertThat(completer.candidates(List.of("link", ""), 1)).containsExactly("h1", "h2", "s1");
        assertThat(completer.candidates(List.of("link", "s1", "h1", ""), 3)).containsExactly("down", "up");
        assertThat(completer.candidates(List.of("h1", "ping", ""), 2)).containsExactly("h1", "h2");
        assertThat(completer.candidates(List.of("pingall", ""), 1)).isEmpty();
    }
}
