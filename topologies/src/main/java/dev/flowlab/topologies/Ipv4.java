package dev.flowlab.topologies;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dotted-quad IPv4 arithmetic for host addresses, kept tiny so the module needs no network library. */
final class Ipv4 {
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern CIDR = Pattern.compile("([\\d.]+)/(\\d{1,2})");

    private Ipv4() {
    }

    /** The address as an unsigned 32-bit number, or -1 if {@code s} is not a dotted quad. */
    static long parse(String s) {
        Matcher m = DOTTED.matcher(s);
        if (!m.matches()) {
            return -1;
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    /** The prefix length of {@code a.b.c.d/len}, or -1 if {@code s} is not such an address. */
    static int prefixLength(String s) {
        Matcher m = CIDR.matcher(s);
        if (!m.matches() || parse(m.group(1)) < 0) {
            return -1;
        }
        int len = Integer.parseInt(m.group(2));
        return len <= 32 ? len : -1;
    }

    static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
    }

    static String format(long address) {
        return (address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff);
    }
}
