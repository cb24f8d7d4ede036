package dev.flowlab.topologies;

/** A topology file that cannot be read: the message starts with the file name and line, e.g. {@code campus.yaml, line 12: ...}. */
public class TopologyFileException extends TopologyException {
    private final String file;
    private final int line;

    public TopologyFileException(String file, int line, String element, String problem) {
        super(element, file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file's name as given. */
    public String file() {
        return file;
    }

    /** The 1-based line of the fault, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
