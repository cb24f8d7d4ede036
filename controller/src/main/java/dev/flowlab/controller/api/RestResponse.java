package dev.flowlab.controller.api;

/**
 * A REST answer with a status other than 200.
 *
 * @param status HTTP status code
 * @param body   written as JSON; null for no body
 */
public record RestResponse(int status, Object body) {

    /** 201 Created with the new resource as the body. */
    public static RestResponse created(Object body) {
        return new RestResponse(201, body);
    }

    /** 204 No Content. */
    public static RestResponse noContent() {
        return new RestResponse(204, null);
    }
}
