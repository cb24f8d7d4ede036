package dev.flowlab.controller.api;

/** Routes of a controller running without REST: accepted, never called. */
enum NoRestRoutes implements RestRoutes {
    INSTANCE;

    @Override
    public void get(String path, RestHandler handler) {
    }

    @Override
    public void post(String path, RestHandler handler) {
    }

    @Override
    public void put(String path, RestHandler handler) {
    }

    @Override
    public void delete(String path, RestHandler handler) {
    }
}
