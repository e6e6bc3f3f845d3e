package dev.stagecraft.processor.diagnostics;

/** One error found in a pipeline: which diagnostic, its full message and where it points. */
public record Problem(Diagnostic diagnostic, String message, Location location) {}
