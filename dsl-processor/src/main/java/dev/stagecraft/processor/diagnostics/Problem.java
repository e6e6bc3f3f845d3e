package dev.stagecraft.processor.diagnostics;

/**
 * One error or warning about a pipeline: which diagnostic, its full message and where it points.
 */
public record Problem(Diagnostic diagnostic, String message, Location location) {}
