package dev.flowlab.controller.api;

import java.util.List;

/**
 * A page of a list a REST endpoint answers, as {@link PageRequest#answer} makes it: {@code items} from
 * position {@code offset} of the list's {@code total}, and how many come after them ({@code more}).
 */
public record Page<T>(int total, int offset, int limit, int more, List<T> items) {
}
