package dev.flowlab.cli;

import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.ShellException;
import dev.flowlab.dataplane.LinkCapture;
import dev.flowlab.lab.Lab;
import java.util.List;

/** {@code capture}: pcapng files of links (Wireshark opens them), stopped with {@code capture stop} or at exit. */
final class CaptureCommands {
    private static final String USAGE = "capture [HOST | NODE NODE | openflow | stop]";

    private final Lab lab;
    private final Console console;

    CaptureCommands(Lab lab, Console console) {
        this.lab = lab;
        this.console = console;
    }

    void register(CommandTable table) {
        table.add("capture", USAGE, "record links to pcapng files (every link without an argument), or the OpenFlow"
                        + " channel to a pcap, until stop or exit",
                Completes.NODES, inv -> capture(inv.words()));
    }

    private boolean stop() {
        List<LinkCapture> running = lab.captures();
        var openflow = lab.embeddedController().map(c -> c.openflowCapture()).orElse(null);
        var openflowFile = openflow == null ? java.util.Optional.<java.nio.file.Path>empty() : openflow.stop();
        long openflowDropped = openflow == null ? 0 : openflow.dropped();
        if (running.isEmpty() && openflowFile.isEmpty()) {
            throw new ShellException("no capture is running");
        }
        running.forEach(LinkCapture::stop);
        running.forEach(c -> console.println("  " + c.file() + console.dim("  (" + c.packets() + " packets)")));
        openflowFile.ifPresent(f -> console.println("  " + f + console.dim("  (OpenFlow"
                + (openflowDropped > 0 ? ", " + openflowDropped + " records dropped: the disk was too slow or full" : "")
                + ")")));
        return true;
    }

    private boolean capture(List<String> words) {
        if (words.equals(List.of("stop"))) {
            return stop();
        }
        if (words.equals(List.of("openflow"))) {
            try {
                console.println("capturing the OpenFlow channel to " + lab.captureOpenFlow()
                        + console.dim("  (capture stop, or exit, closes it)"));
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new ShellException(e.getMessage());
            }
            return true;
        }
        List<LinkCapture> started;
        try {
            started = lab.capture(words);
        } catch (IllegalArgumentException e) {
            throw new ShellException(e.getMessage() + " (usage: " + USAGE + ")");
        }
        console.println("capturing " + Lab.count(started.size(), "link") + " into " + lab.captureDir() + ": "
                + String.join(" ", started.stream().map(c -> c.file().getFileName().toString()).toList())
                + console.dim("  (capture stop, or exit, closes the files)"));
        return true;
    }
}
