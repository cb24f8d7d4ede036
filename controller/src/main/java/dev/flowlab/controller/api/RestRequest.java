package dev.flowlab.controller.api;

import java.util.Optional;

/** One REST request, as a handler sees it. */
public interface RestRequest {

    /** The value of a path parameter, for example {@code id} in {@code /rules/{id}}. */
    String param(String name);

    /** The value of a query parameter ({@code ?name=value}), if given. */
    Optional<String> query(String name);

    /**
     * The JSON body bound to {@code type} (a record, typically). Keys are lower_snake_case and
     * unknown keys are refused.
     *
     * @throws RestException 400 naming the field at fault when the body is missing or does not fit
     */
    <T> T body(Class<T> type);
}
