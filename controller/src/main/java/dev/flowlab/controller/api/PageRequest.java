package dev.flowlab.controller.api;

import java.util.List;
import java.util.function.Function;

/**
 * Which part of a list a {@code GET} asks for: {@code ?offset=N&limit=M} (either one is enough; offset
 * 0 to {@link #MAX_OFFSET}, limit 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when left out), or
 * neither. The answer to a paged request is a {@link Page}; to an unpaged one, the whole list as a JSON
 * array, as these endpoints answered before they had pages, but only while it fits in one page: a longer
 * list is a one-line 400 saying how to page it, never a body as big as the switch's table.
 *
 * <p>Read the request (and so refuse bad values) before asking a switch anything.
 */
public record PageRequest(boolean paged, int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** No table is this long; a bigger offset is a mistake, said as one. */
    public static final int MAX_OFFSET = 10_000_000;

    /** What {@code r} asks for; a 400 naming the parameter for anything but whole numbers in range. */
    public static PageRequest of(RestRequest r) {
        boolean paged = r.query("offset").isPresent() || r.query("limit").isPresent();
        return new PageRequest(paged, number(r, "offset", 0, 0, MAX_OFFSET), number(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /**
     * The answer: the page of {@code all} (already in the order pages follow), only its items made into
     * views; or, unpaged, every item's view as a list.
     *
     * @param what the items, plural, for the error ({@code "flow entries"})
     * @throws RestException 400 when unpaged and {@code all} has more than {@link #MAX_LIMIT} items
     */
    public <E, V> Object answer(List<E> all, Function<? super E, V> view, String what) {
        if (!paged) {
            if (all.size() > MAX_LIMIT) {
                throw RestException.badRequest(all.size() + " " + what + " are more than one answer lists (" + MAX_LIMIT
                        + "): ask for a page at a time, ?offset=0&limit=" + MAX_LIMIT);
            }
            return all.stream().map(view).toList();
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<V>(all.size(), from, limit, all.size() - to, all.subList(from, to).stream().<V>map(view).toList());
    }

    private static int number(RestRequest r, String name, int absent, int min, int max) {
        String text = r.query(name).orElse(null);
        if (text == null) {
            return absent;
        }
        if (text.matches("\\d{1,9}")) {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw RestException.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '"
                + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
    }
}
