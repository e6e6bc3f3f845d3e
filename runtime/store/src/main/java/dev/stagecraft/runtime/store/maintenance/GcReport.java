package dev.stagecraft.runtime.store.maintenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code stagecraft gc} removed, or would remove in a dry run.
 *
 * @param runs the runs removed from the history, with their executions, attempts and logs
 * @param cacheEntries cache entries older than the cutoff, removed
 * @param artifacts artifact files no kept run or cache entry references, removed
 * @param artifactBytes their size
 * @param scratch scratch directories removed
 * @param artifactsKept why no artifact was removed (runs in progress), if that is so
 */
public record GcReport(
    List<String> runs,
    int cacheEntries,
    int artifacts,
    long artifactBytes,
    List<Path> scratch,
    Optional<String> artifactsKept) {
  public GcReport {
    runs = List.copyOf(runs);
    scratch = List.copyOf(scratch);
  }
}
