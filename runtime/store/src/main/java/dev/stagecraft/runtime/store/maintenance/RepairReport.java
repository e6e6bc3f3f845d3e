package dev.stagecraft.runtime.store.maintenance;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code stagecraft doctor --repair} did: where the damaged file was kept, how many rows of
 * each table it copied into the new database (in the order it copied them), and what it could not
 * read.
 */
public record RepairReport(Path damagedCopy, Map<String, Integer> copied, List<String> lost) {
  public RepairReport {
    copied = Collections.unmodifiableMap(new LinkedHashMap<>(copied));
    lost = List.copyOf(lost);
  }
}
