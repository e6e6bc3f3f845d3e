/**
 * The engine: {@link dev.stagecraft.runtime.engine.PipelineRunner} resolves a run's parameters,
 * plans it against the executor's capacity and executes the graph. One scheduler decides what runs
 * when (dependency counters, most critical ready stage first, resource reservations); the one call
 * into user code is wrapped by layers for reuse, caching, attempts and timeouts; {@link
 * dev.stagecraft.runtime.engine.RunListener}s observe every state change.
 */
package dev.stagecraft.runtime.engine;
