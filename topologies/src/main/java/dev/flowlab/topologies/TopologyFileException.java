package dev.flowlab.topologies;

/** A topology file that cannot be read: the message starts with the file name and line, e.g. {@code campus.yaml, line 12: ...}. */
public class TopologyFileException extends TopologyException {
    private final String file;
    private final int line;

    /**
     * @param file    the file's name as the user gave it
     * @param line    1-based line of the fault, or 0 for the whole file
     * @param element the node or link at fault ({@link TopologyException#element()}), or null
     * @param problem what is wrong and how to fix it
     */
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
