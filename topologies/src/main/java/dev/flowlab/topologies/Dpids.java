package dev.flowlab.topologies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Gives each switch its datapath id: an explicit one as given; else, like Mininet, the first number in
 * its name ({@code s12 -> 12}); else (no number, or the number is taken) the lowest unused positive id.
 * Deterministic: the same additions always give the same ids.
 */
final class Dpids {
    private Dpids() {
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
