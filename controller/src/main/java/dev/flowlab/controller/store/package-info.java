/**
 * The run-time configuration store: {@link dev.flowlab.controller.store.StoreState} (what put, add,
 * seed and remove do, the one implementation a replicated store applies too), the in-memory
 * {@link dev.flowlab.controller.store.MemoryConfigStore} of a single controller, and
 * {@link dev.flowlab.controller.store.JsonDocuments}, the typed view apps get.
 */
package dev.flowlab.controller.store;
