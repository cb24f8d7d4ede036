package dev.flowlab.cli.shell;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces host names by their IP addresses in a command typed for a host, as Mininet does:
 * {@code ping -c3 h2} becomes {@code ping -c3 10.0.0.2}. Only whole words are replaced, so
 * {@code h2-eth0} or {@code /tmp/h2.log} stay as they are.
 */
public final class HostNames {
    // A word is delimited by blanks, quotes or shell operators, never by '-', '.', '/', ':' or '='.
    private static final Pattern WORD = Pattern.compile("(?<![^\\s'\"|;&<>()])[A-Za-z][A-Za-z0-9_]*(?![^\\s'\"|;&<>()])");

    private HostNames() {
    }

    /** {@code command} with every whole word that is a key of {@code ipByHost} replaced by its value. */
    public static String substitute(String command, Map<String, String> ipByHost) {
        Matcher m = WORD.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ip = ipByHost.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(ip == null ? m.group() : ip));
        }
        m.appendTail(out);
        return out.toString();
    }
}
