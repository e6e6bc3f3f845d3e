package dev.stagecraft.runtime.store.maintenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code stagecraft doctor} found in a store.
 *
 * @param problems what SQLite's {@code integrity_check} reports; empty when the file is intact
 * @param schemaVersion the schema version, when readable
 * @param runs how many runs are recorded, when readable
 * @param interrupted runs recorded RUNNING whose process is gone (INTERRUPTED), when readable
 * @param live runs a live process holds now (running or being resumed), as {@code RUN_ID (process
 *     PID on host HOST)}
 * @param missingArtifacts artifact files the history references that are gone
 * @param unknownRuns of the runs the caller asked about (those a registry's versions came from),
 *     the ones the history does not have
 * @param unreadable what could not be read, one phrase each
 */
public record Examination(
    Path database,
    List<String> problems,
    Optional<Integer> schemaVersion,
    Optional<Integer> runs,
    Optional<Integer> interrupted,
    List<String> live,
    int missingArtifacts,
    List<String> unknownRuns,
    List<String> unreadable) {
  public Examination {
    problems = List.copyOf(problems);
    live = List.copyOf(live);
    unknownRuns = List.copyOf(unknownRuns);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * Whether the database file is damaged ({@code doctor --repair} then copies what is readable).
   */
  public boolean damaged() {
    return !problems.isEmpty();
  }
}
