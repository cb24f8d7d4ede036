package dev.flowlab.topologies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each switch its datapath id: an explicit one as given; else, like Mininet, the first number in
 * its name ({@code s12 -> 12}); else (no number, or the number is taken) the lowest unused positive id.
 * Deterministic: the same additions always give the same ids.
 */
final class Dpids {
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]{1,16})|([0-9a-fA-F]{16})|((?:[0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2})");

    private Dpids() {
    }

    /**
     * A dpid as written in a file: decimal {@code 10}, hex {@code 0x0a}, OVS's 16 hex digits
     * {@code 000000000000000a}, or colon-separated bytes {@code 00:00:00:00:00:00:00:0a}. Anything else
     * (such as {@code 010}: octal? decimal?) is refused rather than guessed.
     */
    static long parse(String switchName, String text) {
        String t = text.trim();
        if (DECIMAL.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        Matcher m = HEX.matcher(t);
        if (m.matches()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3).replace(":", "");
            return Long.parseUnsignedLong(hex, 16);
        }
        throw new TopologyException(switchName, "switch " + switchName + ": dpid '" + text + "' is not decimal (10),"
                + " 0x hex (0xa), 16 hex digits (000000000000000a) or hex bytes (00:00:00:00:00:00:00:0a)");
    }

    /** @param requested switch names in order, each with its explicit dpid or null */
    static List<Switch> assign(Map<String, Long> requested) {
        Set<Long> taken = new HashSet<>();
        requested.values().stream().filter(d -> d != null).forEach(taken::add);
        Long[] chosen = new Long[requested.size()];
        List<String> names = new ArrayList<>(requested.keySet());
        for (int i = 0; i < names.size(); i++) {
            Long fixed = requested.get(names.get(i));
            OptionalLong number = Names.firstNumber(names.get(i));
            if (fixed != null) {
                chosen[i] = fixed;
            } else if (number.isPresent() && number.getAsLong() > 0 && taken.add(number.getAsLong())) {
                chosen[i] = number.getAsLong();
            }
        }
        long next = 1;
        List<Switch> result = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            if (chosen[i] == null) {
                while (taken.contains(next)) {
                    next++;
                }
                chosen[i] = next;
                taken.add(next);
            }
            result.add(new Switch(names.get(i), chosen[i]));
        }
        return result;
    }
}
