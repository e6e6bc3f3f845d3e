package dev.stagecraft.runtime.store.db;

import java.util.List;

/**
 * One step of the schema's history: applying it moves the database from {@code version - 1} to
 * {@code version}. Steps are never edited once released; a change is a new step.
 */
public record Migration(int version, String description, List<String> statements) {
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration versions start at 1: " + version);
    }
    statements = List.copyOf(statements);
  }
}
