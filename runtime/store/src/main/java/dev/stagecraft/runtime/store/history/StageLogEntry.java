package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.LogLine;

/** One logged line of a run, with the stage instance that logged it. */
public record StageLogEntry(String instance, LogLine line) {}
