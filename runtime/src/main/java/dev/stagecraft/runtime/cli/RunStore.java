package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.RunOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code run} attaches the run history and artifact store: the seam for the SQLite store,
 * which adds its {@code RunListener} and {@code OutputStore} to the options here.
 */
final class RunStore {
  private RunStore() {}

  /**
   * {@code --store DIR}, else {@code $STAGECRAFT_HOME}, else {@code .stagecraft} in the working
   * directory.
   */
  static Path directory(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String home = env.get("STAGECRAFT_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(".stagecraft");
  }

  /** The options with the store in {@code dir} attached; unchanged until the store is wired in. */
  static RunOptions attach(RunOptions options, Path dir) {
    return options;
  }
}
