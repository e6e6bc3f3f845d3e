package dev.stagecraft.runtime.server;

import java.nio.file.Path;

/** Renders a recorded run's HTML report; the command line gives its report. */
@FunctionalInterface
public interface ReportRenderer {
  /** The self-contained HTML page of run {@code runId} in the store at {@code storeDirectory}. */
  String render(Path storeDirectory, String runId);
}
